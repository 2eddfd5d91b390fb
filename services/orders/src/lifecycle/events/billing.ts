import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { reconcile } from "../domain/reconcile.ts";
import { withCreditNote, withInvoice, withSettlement } from "../domain/told.ts";
import type { OrdersRepository } from "../store/repository.ts";
import { saveOrder } from "../usecases/save-order.ts";
import { knownOrder, knownShipment, replaceShipment } from "../usecases/known-order.ts";

/**
 * Keeps billing's newest word on a shipment's invoice: whether it holds the order, once it is
 * issued the quantities it billed, and whether billing voided it (then it billed nothing).
 */
export async function onInvoiceTold(
  repo: OrdersRepository,
  {
    data,
  }: EventOf<
    | "billing.invoice.issued"
    | "billing.invoice.held"
    | "billing.invoice.released"
    | "billing.invoice.voided"
  >,
  work: UnitOfWork,
): Promise<void> {
  const order = await knownOrder(repo, data.orderId, work.session);
  const shipment = knownShipment(order, data.shipmentId);
  await saveOrder(
    repo,
    work,
    order,
    reconcile(replaceShipment(order, withInvoice(shipment, data))),
  );
}

/** Counts what a credit note credited per line. */
export async function onCreditNoteIssued(
  repo: OrdersRepository,
  { data }: EventOf<"billing.credit_note.issued">,
  work: UnitOfWork,
): Promise<void> {
  const order = await knownOrder(repo, data.orderId, work.session);
  const told = withCreditNote(order, data);
  if (told === order) return;
  await saveOrder(repo, work, order, reconcile(told));
}

/** Keeps what billing will no longer invoice because it came back before it was invoiced. */
export async function onReturnSettled(
  repo: OrdersRepository,
  { data }: EventOf<"billing.return.settled">,
  work: UnitOfWork,
): Promise<void> {
  const order = await knownOrder(repo, data.orderId, work.session);
  const told = withSettlement(order, data);
  if (told === order) return;
  await saveOrder(repo, work, order, reconcile(told));
}
