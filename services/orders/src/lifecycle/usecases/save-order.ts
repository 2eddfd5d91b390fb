import type { UnitOfWork } from "@waybill/service";
import { orderUpdated, revised, revisionOf } from "../domain/order-updated.ts";
import type { OrdersRepository } from "../store/repository.ts";
import type { OrderRecord } from "../store/records.ts";

/**
 * Saves an order changed by an event or a cancellation in the caller's transaction. When its
 * fulfilment or billing status moved, the order goes one revision on and `orders.order.updated`
 * tells its new state in the same transaction; a change that leaves both as they were is not told.
 */
export async function saveOrder(
  repo: OrdersRepository,
  { session, emit }: UnitOfWork,
  before: OrderRecord,
  after: OrderRecord,
  at: Date = new Date(),
): Promise<OrderRecord> {
  const order = revised(before, after);
  await repo.saveOrder(order, session);
  if (revisionOf(order) !== revisionOf(before)) {
    await emit("orders.order.updated", order._id, orderUpdated(order, at));
  }
  return order;
}
