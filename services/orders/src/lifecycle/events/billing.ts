import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { reconcile } from "../domain/reconcile.ts";
import { withInvoice } from "../domain/told.ts";
import type { OrdersRepository } from "../store/repository.ts";
import { knownOrder, knownShipment, replaceShipment } from "../usecases/known-order.ts";

/**
 * Keeps billing's newest word on a shipment's invoice: whether it holds the order, and, once it
 * is issued, the quantities it billed.
 */
export async function onInvoiceTold(
  repo: OrdersRepository,
  { data }: EventOf<"billing.invoice.issued" | "billing.invoice.held" | "billing.invoice.released">,
  { session }: UnitOfWork,
): Promise<void> {
  const order = await knownOrder(repo, data.orderId, session);
  const shipment = knownShipment(order, data.shipmentId);
  await repo.saveOrder(reconcile(replaceShipment(order, withInvoice(shipment, data))), session);
}
