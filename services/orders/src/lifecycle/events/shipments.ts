import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { reconcile } from "../domain/reconcile.ts";
import { newShipment, withMilestone, withVoid } from "../domain/told.ts";
import type { OrdersRepository } from "../store/repository.ts";
import { saveOrder } from "../usecases/save-order.ts";
import { knownOrder, knownShipment, replaceShipment } from "../usecases/known-order.ts";

/**
 * Adds a shipment to its order and counts what it carried. A shipment of a line cancelled
 * meanwhile (the warehouse raced the cancellation) counts all the same: it left the warehouse.
 */
export async function onShipmentConfirmed(
  repo: OrdersRepository,
  { data }: EventOf<"shipments.shipment.confirmed">,
  work: UnitOfWork,
): Promise<void> {
  const order = await knownOrder(repo, data.orderId, work.session);
  if (order.shipments.some((shipment) => shipment.id === data.shipmentId)) return;
  const shipments = [...order.shipments, newShipment(data)];
  await saveOrder(repo, work, order, reconcile({ ...order, shipments }));
}

/** Keeps what shipments told of the shipment; once it is delivered, so are its units. */
export async function onMilestoneRecorded(
  repo: OrdersRepository,
  { data }: EventOf<"shipments.milestone.recorded">,
  work: UnitOfWork,
): Promise<void> {
  const order = await knownOrder(repo, data.orderId, work.session);
  const shipment = knownShipment(order, data.shipmentId);
  const told = withMilestone(shipment, data);
  if (told === shipment) return;
  await saveOrder(repo, work, order, reconcile(replaceShipment(order, told)));
}

/** A voided shipment's units no longer count as shipped (nor delivered). */
export async function onShipmentVoided(
  repo: OrdersRepository,
  { data }: EventOf<"shipments.shipment.voided">,
  work: UnitOfWork,
): Promise<void> {
  const order = await knownOrder(repo, data.orderId, work.session);
  const shipment = knownShipment(order, data.shipmentId);
  const told = withVoid(shipment, data);
  if (told === shipment) return;
  await saveOrder(repo, work, order, reconcile(replaceShipment(order, told)));
}
