import { HttpError } from "@waybill/http";
import { parsePayload, recordCarrierEvent } from "../../webhooks/carrier-events.ts";
import type { WebhookTopic } from "../../webhooks/source.ts";
import { shopifyFulfillment, shopifyFulfillmentEvent } from "./fulfillment-payload.ts";
import {
  mapShopifyFulfillment,
  mapShopifyFulfillmentEvent,
  trackingOf,
} from "./fulfillment-mapping.ts";
import { parseJsonKeepingIds } from "./payload.ts";
import { expectTopic } from "./topic.ts";

const SOURCE = "shopify";

/**
 * `fulfillments/create` and `fulfillments/update`: remembers the fulfilment's carrier and tracking
 * number (its events name neither) and records its shipment status as a milestone.
 */
export const fulfillments: WebhookTopic = {
  async handle(delivery) {
    expectTopic(delivery, ["fulfillments/create", "fulfillments/update"]);
    const fulfillment = parsePayload(
      delivery.body,
      shopifyFulfillment,
      "a Shopify fulfillment",
      parseJsonKeepingIds,
    );
    const mapped = mapShopifyFulfillment(fulfillment);
    const tracking = trackingOf(fulfillment);
    // A refused fulfilment (an unknown status) leaves nothing behind, its tracking included.
    if (tracking && !("unmappable" in mapped))
      await delivery.repo.linkFulfillment({ _id: fulfillment.id, ...tracking, seenAt: new Date() });
    return recordCarrierEvent(delivery, SOURCE, mapped);
  },
};

/**
 * `fulfillment_events/create`: a carrier event of a fulfilment, matched through the carrier and
 * tracking number its fulfilment webhook told. A fulfilment never seen with a tracking number is
 * refused (422) and its payload kept for inspection.
 */
export const fulfillmentEvents: WebhookTopic = {
  async handle(delivery) {
    expectTopic(delivery, ["fulfillment_events/create"]);
    const event = parsePayload(
      delivery.body,
      shopifyFulfillmentEvent,
      "a Shopify fulfillment event",
      parseJsonKeepingIds,
    );
    const link = await delivery.repo.fulfillmentLink(event.fulfillment_id);
    if (!link)
      throw new HttpError(
        422,
        "UNKNOWN_FULFILLMENT",
        `fulfillment ${event.fulfillment_id} has not been seen with a carrier and tracking number`,
      );
    const tracking = { carrier: link.carrier, trackingNumber: link.trackingNumber };
    return recordCarrierEvent(delivery, SOURCE, mapShopifyFulfillmentEvent(event, tracking));
  },
};
