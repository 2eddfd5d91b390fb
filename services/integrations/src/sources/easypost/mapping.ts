import type { MilestoneType } from "@waybill/contracts";
import {
  milestonesOf,
  text,
  type CarrierMilestone,
  type Mapped,
} from "../../webhooks/carrier-events.ts";
import type { EasyPostEvent, EasyPostTrackingDetail } from "./payload.ts";

/**
 * EasyPost's tracker statuses (https://docs.easypost.com/docs/trackers) onto canonical milestones;
 * null: a status that tells no milestone (the tracker's own trouble, or nothing known).
 */
export const EASYPOST_STATUSES: Readonly<Record<string, MilestoneType | null>> = {
  pre_transit: "LABEL_CREATED",
  in_transit: "IN_TRANSIT",
  out_for_delivery: "OUT_FOR_DELIVERY",
  delivered: "DELIVERED",
  available_for_pickup: "AVAILABLE_FOR_PICKUP",
  return_to_sender: "RETURNED_TO_SENDER",
  failure: "EXCEPTION",
  cancelled: null,
  error: null,
  unknown: null,
};

/**
 * EasyPost's carrier names (a Tracker's `carrier`) whose name in Waybill differs once case is
 * ignored; the others are taken as they are (`UPS`, `USPS`, `FedEx`).
 */
export const EASYPOST_CARRIERS: Readonly<Record<string, string>> = {
  DHLExpress: "DHL",
  CanadaPost: "Canada Post",
  RoyalMail: "Royal Mail",
};

/** The events about trackers; every other event (batches, refunds, ...) tells no milestone. */
const TRACKER_EVENTS = new Set(["tracker.created", "tracker.updated"]);

/** The scan the status came from: the newest with that status, else the newest of all. */
function detailOf(tracker: EasyPostEvent["result"]): EasyPostTrackingDetail | undefined {
  const same = tracker.tracking_details.filter((detail) => detail.status === tracker.status);
  return same.at(-1) ?? tracker.tracking_details.at(-1);
}

function place(detail: EasyPostTrackingDetail | undefined): string | null {
  const where = detail?.tracking_location;
  if (!where) return null;
  return text([where.city, where.state, where.zip, where.country].filter(Boolean).join(", "));
}

/** An EasyPost tracker event as canonical milestones of the parcel carrier + tracking code. */
export function mapEasyPost(event: EasyPostEvent): Mapped {
  if (!TRACKER_EVENTS.has(event.description))
    return { ignored: `EasyPost ${event.description} events tell no milestone` };
  const tracker = event.result;
  if (!(tracker.status in EASYPOST_STATUSES))
    return { unmappable: `EasyPost status ${tracker.status} has no canonical milestone` };
  const type = EASYPOST_STATUSES[tracker.status];
  if (!type) return { ignored: `EasyPost status ${tracker.status} tells no milestone` };
  const detail = detailOf(tracker);
  const occurredAt = detail?.datetime ?? text(tracker.updated_at);
  if (!occurredAt || Number.isNaN(Date.parse(occurredAt)))
    return { unmappable: `EasyPost ${tracker.status} update has no time it happened` };
  const milestone: CarrierMilestone = {
    type,
    occurredAt,
    location: place(detail),
    detail: text(detail?.message),
    signedBy: null,
    reasonCode:
      type === "EXCEPTION" ? (text(detail?.status_detail) ?? text(tracker.status_detail)) : null,
  };
  return {
    event: {
      eventId: event.id,
      carrier: EASYPOST_CARRIERS[tracker.carrier] ?? tracker.carrier,
      trackingNumber: tracker.tracking_code,
      milestones: milestonesOf(milestone, text(tracker.signed_by)),
    },
  };
}
