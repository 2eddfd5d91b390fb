import type { MilestoneType } from "@waybill/contracts";
import { text, type CarrierMilestone, type Mapped } from "../../webhooks/carrier-events.ts";
import type { ShopifyFulfillment, ShopifyFulfillmentEvent } from "./fulfillment-payload.ts";

/**
 * Shopify's fulfilment event statuses
 * (https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentEventStatus, lowercase in
 * webhooks) onto canonical milestones; null: a status that tells no milestone of the parcel.
 */
export const SHOPIFY_SHIPMENT_STATUSES: Readonly<Record<string, MilestoneType | null>> = {
  label_purchased: "LABEL_CREATED",
  // Printing the label bought before adds nothing to LABEL_CREATED.
  label_printed: null,
  confirmed: null,
  carrier_picked_up: "PICKED_UP",
  in_transit: "IN_TRANSIT",
  out_for_delivery: "OUT_FOR_DELIVERY",
  attempted_delivery: "DELIVERY_ATTEMPTED",
  ready_for_pickup: "AVAILABLE_FOR_PICKUP",
  // Collected by the customer at the pickup point.
  picked_up: "DELIVERED",
  delivered: "DELIVERED",
  failure: "EXCEPTION",
  delayed: "EXCEPTION",
};

/** Shopify gives no reason code of its own: an exception's reason is its status. */
const REASON: Readonly<Partial<Record<string, string>>> = {
  failure: "FAILURE",
  delayed: "DELAYED",
};

function milestoneOf(
  status: string,
  occurredAt: string,
  location: string | null,
  detail: string | null,
): { milestone: CarrierMilestone } | Exclude<Mapped, { event: unknown }> {
  if (!(status in SHOPIFY_SHIPMENT_STATUSES))
    return { unmappable: `Shopify status ${status} has no canonical milestone` };
  const type = SHOPIFY_SHIPMENT_STATUSES[status];
  if (!type) return { ignored: `Shopify status ${status} tells no milestone` };
  if (Number.isNaN(Date.parse(occurredAt)))
    return { unmappable: `Shopify ${status} has no time it happened` };
  return {
    milestone: {
      type,
      occurredAt,
      location,
      detail,
      signedBy: null,
      reasonCode: REASON[status] ?? null,
    },
  };
}

/** A fulfilment's carrier and tracking number, when it has both. */
export function trackingOf(
  fulfillment: ShopifyFulfillment,
): { carrier: string; trackingNumber: string } | null {
  const carrier = text(fulfillment.tracking_company);
  const trackingNumber = text(fulfillment.tracking_number);
  return carrier && trackingNumber ? { carrier, trackingNumber } : null;
}

/**
 * `fulfillments/create|update`: the fulfilment's shipment status as a milestone of its carrier and
 * tracking number. The event id is the fulfilment, its status and its update time, so the same
 * update delivered twice is one event.
 */
export function mapShopifyFulfillment(fulfillment: ShopifyFulfillment): Mapped {
  const status = text(fulfillment.shipment_status);
  if (!status) return { ignored: "the fulfilment has no shipment status yet" };
  const tracking = trackingOf(fulfillment);
  if (!tracking)
    return {
      unmappable: "the fulfilment has a shipment status but no carrier and tracking number",
    };
  const mapped = milestoneOf(status, fulfillment.updated_at, null, null);
  if (!("milestone" in mapped)) return mapped;
  return {
    event: {
      eventId: `fulfillment/${fulfillment.id}/${status}/${fulfillment.updated_at}`,
      ...tracking,
      milestones: [mapped.milestone],
    },
  };
}

/** `fulfillment_events/create`: one event of a fulfilment whose carrier and number are known. */
export function mapShopifyFulfillmentEvent(
  event: ShopifyFulfillmentEvent,
  tracking: { carrier: string; trackingNumber: string },
): Mapped {
  const occurredAt = text(event.happened_at) ?? text(event.created_at);
  if (!occurredAt) return { unmappable: `Shopify ${event.status} has no time it happened` };
  const location = text(
    [event.city, event.province, event.zip, event.country].filter(Boolean).join(", "),
  );
  const mapped = milestoneOf(event.status, occurredAt, location, text(event.message));
  if (!("milestone" in mapped)) return mapped;
  return {
    event: {
      eventId: `fulfillment_event/${event.id}`,
      ...tracking,
      milestones: [mapped.milestone],
    },
  };
}
