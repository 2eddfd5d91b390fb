import { RetryLaterError } from "@waybill/bus";
import type { Session } from "@waybill/store";
import { reconcile } from "../domain/reconcile.ts";
import type { OrdersRepository } from "../store/repository.ts";
import type { OrderRecord, ShipmentSummaryRecord, TimelineRecord } from "../store/records.ts";

/** The order an event is about; not known yet means the event is retried later, never dropped. */
export async function orderOf(
  repo: OrdersRepository,
  orderId: string,
  session: Session,
): Promise<OrderRecord> {
  const order = await repo.findOrder(orderId, session);
  if (!order) throw new RetryLaterError(`order ${orderId} is not known`);
  return order;
}

/** The shipment an event is about; its confirmation may not have reached orders yet. */
export function shipmentOf(order: OrderRecord, shipmentId: string): ShipmentSummaryRecord {
  const shipment = order.shipments.find((candidate) => candidate.id === shipmentId);
  if (!shipment)
    throw new RetryLaterError(`shipment ${shipmentId} of order ${order._id} is not known yet`);
  return shipment;
}

/** True when the order's timeline already records `key`: the event was applied before. */
export const recorded = (order: OrderRecord, key: string): boolean =>
  order.timeline.some((entry) => entry.key === key);

export const replaceShipment = (
  order: OrderRecord,
  shipment: ShipmentSummaryRecord,
): OrderRecord => ({
  ...order,
  shipments: order.shipments.map((candidate) =>
    candidate.id === shipment.id ? shipment : candidate,
  ),
});

/** Recomputes quantities and statuses, then saves them with the new timeline entries. */
export async function saveDerived(
  repo: OrdersRepository,
  order: OrderRecord,
  entries: TimelineRecord[],
  session: Session,
): Promise<OrderRecord> {
  const next = reconcile(order);
  await repo.saveOrder(next, entries, session);
  return next;
}
