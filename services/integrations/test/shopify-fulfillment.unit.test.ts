import { describe, expect, it } from "vitest";
import { FULFILLMENT_EVENT_STATUS } from "../src/connectors/shopify/fulfillment-event.ts";
import {
  mapShopifyFulfillment,
  mapShopifyFulfillmentEvent,
  SHOPIFY_SHIPMENT_STATUSES,
} from "../src/sources/shopify/fulfillment-mapping.ts";
import {
  shopifyFulfillment,
  shopifyFulfillmentEvent,
} from "../src/sources/shopify/fulfillment-payload.ts";
import { shopifyFulfillmentEventJson, shopifyFulfillmentJson } from "./fixtures/carriers.ts";

// Follows https://shopify.dev/docs/api/admin-rest/2024-07/resources/fulfillment (fulfillments/update),
// https://shopify.dev/docs/api/admin-rest/2024-07/resources/fulfillmentevent (fulfillment_events/create)
// and https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentEventStatus (statuses).
const AT = "2026-11-03T09:30:00-05:00";
const UPS = { carrier: "UPS", trackingNumber: "1Z2345" };

const event = (status: string, message?: string) =>
  mapShopifyFulfillmentEvent(
    shopifyFulfillmentEvent.parse(
      JSON.parse(
        shopifyFulfillmentEventJson({
          id: 944956395,
          fulfillmentId: 255858046,
          status,
          at: AT,
          ...(message ? { message } : {}),
        }),
      ),
    ),
    UPS,
  );

describe("Shopify fulfilment statuses onto canonical milestones", () => {
  it("a fulfillment event is a milestone of its fulfilment's carrier and number, once per event id", () => {
    expect(event("delivered", "Left at front door")).toEqual({
      event: {
        eventId: "fulfillment_event/944956395",
        ...UPS,
        milestones: [
          {
            type: "DELIVERED",
            occurredAt: AT,
            location: "Montreal, Quebec, H2X 1Y4, Canada",
            detail: "Left at front door",
            signedBy: null,
            reasonCode: null,
          },
        ],
      },
    });
  });

  it.each([
    ["label_purchased", "LABEL_CREATED", null],
    ["carrier_picked_up", "PICKED_UP", null],
    ["in_transit", "IN_TRANSIT", null],
    ["out_for_delivery", "OUT_FOR_DELIVERY", null],
    ["attempted_delivery", "DELIVERY_ATTEMPTED", null],
    ["ready_for_pickup", "AVAILABLE_FOR_PICKUP", null],
    ["picked_up", "DELIVERED", null],
    ["failure", "EXCEPTION", "FAILURE"],
    ["delayed", "EXCEPTION", "DELAYED"],
  ])("%s is %s with reason %s", (status, type, reasonCode) => {
    expect(event(status)).toMatchObject({ event: { milestones: [{ type, reasonCode }] } });
  });

  it("confirmed and label_printed tell no milestone; an unknown status is unmappable", () => {
    expect(event("confirmed")).toHaveProperty("ignored");
    expect(event("label_printed")).toHaveProperty("ignored");
    expect(event("teleported")).toEqual({
      unmappable: "Shopify status teleported has no canonical milestone",
    });
  });

  it("a fulfilment update's shipment status is a milestone keyed by fulfilment, status and time", () => {
    const fulfillment = (shipmentStatus: string | null, trackingNumber = "1Z2345") =>
      mapShopifyFulfillment(
        shopifyFulfillment.parse(
          JSON.parse(
            shopifyFulfillmentJson({ id: 255858046, trackingNumber, shipmentStatus, at: AT }),
          ),
        ),
      );
    expect(fulfillment("out_for_delivery")).toMatchObject({
      event: {
        eventId: `fulfillment/255858046/out_for_delivery/${AT}`,
        ...UPS,
        milestones: [{ type: "OUT_FOR_DELIVERY", occurredAt: AT }],
      },
    });
    expect(fulfillment(null)).toHaveProperty("ignored");
    expect(fulfillment("delivered", "")).toHaveProperty("unmappable");
  });
});

describe("milestones sent back as fulfilment events", () => {
  it("come back as the same milestone through the fulfillment_events webhook, so an echo is a repeat", () => {
    for (const [milestone, status] of Object.entries(FULFILLMENT_EVENT_STATUS))
      expect(SHOPIFY_SHIPMENT_STATUSES[status.toLowerCase()], milestone).toBe(milestone);
  });
});
