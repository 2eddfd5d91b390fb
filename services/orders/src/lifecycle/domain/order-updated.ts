import type { EventData } from "@waybill/contracts";
import type { OrderRecord } from "../store/records.ts";

/** The order's told changes so far; an order placed before they were counted has had one. */
export const revisionOf = (order: OrderRecord): number => order.revision ?? 1;

/**
 * The order after a change, one revision on when its fulfilment or billing status moved (what
 * `orders.order.updated` tells), or as it is when neither did.
 */
export function revised(before: OrderRecord, after: OrderRecord): OrderRecord {
  const moved =
    before.fulfilmentStatus !== after.fulfilmentStatus ||
    before.billingStatus !== after.billingStatus;
  return moved ? { ...after, revision: revisionOf(before) + 1 } : after;
}

/** What `orders.order.updated` tells of an order at `at`. */
export const orderUpdated = (order: OrderRecord, at: Date): EventData<"orders.order.updated"> => ({
  orderId: order._id,
  customerId: order.customerId,
  fulfilmentStatus: order.fulfilmentStatus,
  billingStatus: order.billingStatus,
  revision: revisionOf(order),
  updatedAt: at.toISOString(),
});
