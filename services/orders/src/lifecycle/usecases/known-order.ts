import { RetryLaterError } from "@waybill/bus";
import type { Session } from "@waybill/store";
import type { OrdersRepository } from "../store/repository.ts";
import type { OrderRecord, OrderShipmentRecord } from "../store/records.ts";

/** The order an event is about; not known yet means the event is retried later, never dropped. */
export async function knownOrder(
  repo: OrdersRepository,
  orderId: string,
  session: Session,
): Promise<OrderRecord> {
  const order = await repo.findOrder(orderId, session);
  if (!order) throw new RetryLaterError(`order ${orderId} is not known`);
  return order;
}

/** The shipment an event is about; its confirmation may not have reached orders yet. */
export function knownShipment(order: OrderRecord, shipmentId: string): OrderShipmentRecord {
  const shipment = order.shipments.find((candidate) => candidate.id === shipmentId);
  if (!shipment)
    throw new RetryLaterError(`shipment ${shipmentId} of order ${order._id} is not known yet`);
  return shipment;
}

export const replaceShipment = (
  order: OrderRecord,
  shipment: OrderShipmentRecord,
): OrderRecord => ({
  ...order,
  shipments: order.shipments.map((candidate) =>
    candidate.id === shipment.id ? shipment : candidate,
  ),
});
