import type { Session } from "@waybill/store";
import type { CustomerServiceRepository } from "../store/repository.ts";
import type { TimelineEntry, TimelineRecord } from "../store/records.ts";

/** A new order's timeline, to be written with the order: it starts with the placement. */
export const startTimeline = (placed: TimelineEntry): TimelineRecord[] => [placed];

/**
 * Adds what happened to an order to its timeline, in the caller's transaction; the order
 * lifecycle calls it when an order is cancelled.
 */
export function recordOnTimeline(
  customerService: CustomerServiceRepository,
  orderId: string,
  entries: TimelineEntry[],
  session: Session,
): Promise<void> {
  return customerService.addToTimeline(orderId, entries, session);
}
