import { RetryLaterError } from "@waybill/bus";
import type { Session } from "@waybill/store";
import type { CustomerServiceRepository } from "../store/repository.ts";
import type { OrderServiceRecord, ShipmentContextRecord } from "../store/records.ts";

/** The order an event is about; not known yet means the event is retried later, never dropped. */
export async function knownOrder(
  repo: CustomerServiceRepository,
  orderId: string,
  session: Session,
): Promise<OrderServiceRecord> {
  const order = await repo.serviceOf(orderId, session);
  if (!order) throw new RetryLaterError(`order ${orderId} is not known`);
  return order;
}

/** The shipment an event is about; its confirmation may not have reached orders yet. */
export function knownShipment(
  order: OrderServiceRecord,
  shipmentId: string,
): ShipmentContextRecord {
  const shipment = order.serviceShipments?.[shipmentId];
  if (!shipment)
    throw new RetryLaterError(`shipment ${shipmentId} of order ${order._id} is not known yet`);
  return shipment;
}

/** True when the order's timeline already records `key`: the event was applied before. */
export const recorded = (order: OrderServiceRecord, key: string): boolean =>
  order.timeline.some((entry) => entry.key === key);
