import type { MilestoneType } from "@waybill/contracts";
import {
  milestonesOf,
  text,
  type CarrierMilestone,
  type Mapped,
} from "../../webhooks/carrier-events.ts";
import type { AfterShipCheckpoint, AfterShipWebhook } from "./payload.ts";

/**
 * AfterShip's delivery status tags
 * (https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses) onto canonical
 * milestones; null: a tag that tells no milestone (nothing scanned yet, tracking stopped). Subtags
 * are listed in https://www.aftership.com/docs/tracking/2025-04/enum/delivery-sub-statuses.
 */
export const AFTERSHIP_TAGS: Readonly<Record<string, MilestoneType | null>> = {
  Pending: null,
  InfoReceived: "LABEL_CREATED",
  InTransit: "IN_TRANSIT",
  OutForDelivery: "OUT_FOR_DELIVERY",
  AttemptFail: "DELIVERY_ATTEMPTED",
  Delivered: "DELIVERED",
  AvailableForPickup: "AVAILABLE_FOR_PICKUP",
  Exception: "EXCEPTION",
  Expired: null,
};

/** Subtags that say more than their tag: the parcel went back to its sender. */
export const AFTERSHIP_SUBTAGS: Readonly<Record<string, MilestoneType>> = {
  Exception_011: "RETURNED_TO_SENDER",
};

/**
 * AfterShip's courier slugs (a tracking's `slug`) whose name in Waybill is not the slug itself
 * once case is ignored; the others are taken as they are (`ups`, `fedex`, `dhl`, `usps`).
 */
export const AFTERSHIP_CARRIERS: Readonly<Record<string, string>> = {
  "royal-mail": "Royal Mail",
  "canada-post": "Canada Post",
};

/** Milestones whose reason is the carrier's subtag (Exception_004, AttemptFail_002, ...). */
const WITH_REASON = new Set<MilestoneType>(["EXCEPTION", "DELIVERY_ATTEMPTED"]);

/** The checkpoint the tag came from: the newest with that tag, else the newest of all. */
function checkpointOf(msg: AfterShipWebhook["msg"]): AfterShipCheckpoint | undefined {
  const tagged = msg.checkpoints.filter((checkpoint) => checkpoint.tag === msg.tag);
  return tagged.at(-1) ?? msg.checkpoints.at(-1);
}

function place(checkpoint: AfterShipCheckpoint | undefined): string | null {
  if (!checkpoint) return null;
  return (
    text(checkpoint.location) ??
    text([checkpoint.city, checkpoint.state, checkpoint.country_iso3].filter(Boolean).join(", "))
  );
}

/** An AfterShip tracking webhook as canonical milestones of the parcel `slug` + number. */
export function mapAfterShip(webhook: AfterShipWebhook): Mapped {
  const { msg } = webhook;
  if (webhook.event !== "tracking_update")
    return { ignored: `AfterShip ${webhook.event} events tell no milestone` };
  if (!(msg.tag in AFTERSHIP_TAGS))
    return { unmappable: `AfterShip tag ${msg.tag} has no canonical milestone` };
  const type = (msg.subtag && AFTERSHIP_SUBTAGS[msg.subtag]) || AFTERSHIP_TAGS[msg.tag];
  if (!type) return { ignored: `AfterShip tag ${msg.tag} tells no milestone` };
  const checkpoint = checkpointOf(msg);
  const occurredAt =
    checkpoint?.checkpoint_time ??
    text(msg.updated_at) ??
    (webhook.ts ? new Date(webhook.ts * 1000).toISOString() : null);
  if (!occurredAt || Number.isNaN(Date.parse(occurredAt)))
    return { unmappable: `AfterShip ${msg.tag} update has no time it happened` };
  const milestone: CarrierMilestone = {
    type,
    occurredAt,
    location: place(checkpoint),
    detail: text(checkpoint?.message) ?? text(msg.subtag_message),
    signedBy: null,
    reasonCode: WITH_REASON.has(type) ? text(msg.subtag) : null,
  };
  return {
    event: {
      eventId: webhook.event_id,
      carrier: AFTERSHIP_CARRIERS[msg.slug] ?? msg.slug,
      trackingNumber: msg.tracking_number,
      milestones: milestonesOf(milestone, text(msg.signed_by)),
    },
  };
}
