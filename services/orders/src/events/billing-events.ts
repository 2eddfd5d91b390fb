import type { EventOf } from "@waybill/contracts";
import { formatAmount } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { invoiceStatus } from "../domain/invoice-status.ts";
import { invoiceOf } from "../domain/shipment-summary.ts";
import type { OrdersRepository } from "../store/repository.ts";
import type { InvoiceSummaryRecord, TimelineRecord } from "../store/records.ts";
import { orderOf, recorded, replaceShipment, saveDerived, shipmentOf } from "./apply.ts";
import { openOrNote, settleCases } from "./cases.ts";

type InvoiceEvent = { orderId: string; shipmentId: string; invoiceId: string };

/**
 * Applies one change to the invoice of a shipment, unless its timeline key shows it was applied;
 * then opens or settles the shipment's cases and saves the order.
 */
async function applyToInvoice(
  repo: OrdersRepository,
  work: UnitOfWork,
  data: InvoiceEvent,
  entry: TimelineRecord,
  change: (invoice: InvoiceSummaryRecord) => InvoiceSummaryRecord,
  /** For a hold: the subject of the case it opens while it is in force. */
  heldSubject?: string,
): Promise<void> {
  const { session } = work;
  const order = await orderOf(repo, data.orderId, session);
  if (recorded(order, entry.key)) return;
  const current = shipmentOf(order, data.shipmentId);
  const shipment = { ...current, invoice: change(invoiceOf(current, data.invoiceId)) };
  const entries = [entry];
  // A hold that arrived after its release or the invoice's issue is history, not a case.
  if (heldSubject && invoiceStatus(shipment.invoice) === "ON_HOLD") {
    const target = { order, shipment };
    entries.push(
      ...(await openOrNote(repo, session, target, "INVOICE_HELD", heldSubject, entry.at)),
    );
  }
  entries.push(...(await settleCases(repo, session, shipment)));
  await saveDerived(repo, replaceShipment(order, shipment), entries, session);
}

export async function onInvoiceIssued(
  repo: OrdersRepository,
  { data }: EventOf<"billing.invoice.issued">,
  work: UnitOfWork,
): Promise<void> {
  const at = new Date(data.issuedAt);
  const total = `${formatAmount(data.total.amount, data.total.currency)} ${data.total.currency}`;
  const entry: TimelineRecord = {
    at,
    kind: "INVOICE_ISSUED",
    message: `Invoice ${data.number} issued for ${total}`,
    reference: data.invoiceId,
    key: `invoice:${data.invoiceId}:issued`,
  };
  await applyToInvoice(repo, work, data, entry, (invoice) => ({
    ...invoice,
    number: data.number,
    lines: data.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
    issuedAt: at,
  }));
}

export async function onInvoiceHeld(
  repo: OrdersRepository,
  { data }: EventOf<"billing.invoice.held">,
  work: UnitOfWork,
): Promise<void> {
  const at = new Date(data.heldAt);
  const message = `Invoice held (${data.reason}): ${data.detail}`;
  const entry: TimelineRecord = {
    at,
    kind: "INVOICE_HELD",
    message,
    reference: data.invoiceId,
    key: `invoice:${data.invoiceId}:held:${data.reason}:${data.heldAt}`,
  };
  const hold = { reason: data.reason, detail: data.detail, at };
  await applyToInvoice(
    repo,
    work,
    data,
    entry,
    (invoice) => ({ ...invoice, holds: [...invoice.holds, hold] }),
    message,
  );
}

export async function onInvoiceReleased(
  repo: OrdersRepository,
  { data }: EventOf<"billing.invoice.released">,
  work: UnitOfWork,
): Promise<void> {
  const at = new Date(data.releasedAt);
  const by = data.releasedBy === "FINANCE" ? "by finance" : "automatically";
  const entry: TimelineRecord = {
    at,
    kind: "INVOICE_RELEASED",
    message: `Invoice hold ${data.reason} released ${by}${data.comment ? `: ${data.comment}` : ""}`,
    reference: data.invoiceId,
    key: `invoice:${data.invoiceId}:released:${data.reason}:${data.releasedAt}`,
  };
  const release = { reason: data.reason, detail: data.comment ?? by, at };
  await applyToInvoice(repo, work, data, entry, (invoice) => ({
    ...invoice,
    releases: [...invoice.releases, release],
  }));
}
