import type { Session } from "@waybill/store";
import type { CustomerServiceRepository } from "../store/repository.ts";
import type { TimelineEntry } from "../store/records.ts";

/**
 * Adds what happened to an order to its timeline, in the caller's transaction; the order
 * lifecycle calls it when an order is placed or cancelled. A key already recorded is skipped.
 */
export function recordOnTimeline(
  customerService: CustomerServiceRepository,
  orderId: string,
  entries: TimelineEntry[],
  session: Session,
): Promise<void> {
  return customerService.addToTimeline(orderId, entries, session);
}
