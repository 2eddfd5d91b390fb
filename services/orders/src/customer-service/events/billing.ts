import type { EventOf } from "@waybill/contracts";
import { formatAmount } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { withInvoice } from "../domain/shipment-context.ts";
import type { CustomerServiceRepository } from "../store/repository.ts";
import type { TimelineEntry } from "../store/records.ts";
import { openOrNote, settleCases } from "./cases.ts";
import { knownOrder, knownShipment, recorded } from "./known.ts";

const amount = ({ amount: minor, currency }: { amount: number; currency: string }) =>
  `${formatAmount(minor, currency)} ${currency}`;

type InvoiceEvent = EventOf<
  | "billing.invoice.issued"
  | "billing.invoice.held"
  | "billing.invoice.released"
  | "billing.invoice.voided"
>;

/**
 * Puts an invoice event on the timeline, unless its key shows it is there, and keeps billing's
 * newest word on the invoice; then opens or settles the shipment's cases.
 */
async function applyToInvoice(
  repo: CustomerServiceRepository,
  work: UnitOfWork,
  data: InvoiceEvent["data"],
  entry: TimelineEntry,
  /** For a hold: the subject of the case it opens while the invoice is on hold. */
  heldSubject?: string,
): Promise<void> {
  const { session } = work;
  const order = await knownOrder(repo, data.orderId, session);
  const known = knownShipment(order, data.shipmentId);
  if (recorded(order, entry.key)) return;
  const shipment = withInvoice(known, data);
  const entries: TimelineEntry[] = [entry];
  // A hold told after its release or the invoice's issue is history, not a case.
  if (heldSubject && shipment.invoice?.told.status === "ON_HOLD") {
    entries.push(
      ...(await openOrNote(repo, work, shipment, "INVOICE_HELD", heldSubject, entry.at)),
    );
  }
  entries.push(...(await settleCases(repo, work, shipment)));
  await repo.record(data.orderId, { entries, shipment }, session);
}

export async function onInvoiceIssued(
  repo: CustomerServiceRepository,
  { data }: EventOf<"billing.invoice.issued">,
  work: UnitOfWork,
): Promise<void> {
  const total = amount(data.total);
  await applyToInvoice(repo, work, data, {
    at: new Date(data.issuedAt),
    kind: "INVOICE_ISSUED",
    message: `Invoice ${data.number} issued for ${total}`,
    reference: data.invoiceId,
    key: `invoice:${data.invoiceId}:issued`,
  });
}

export async function onInvoiceHeld(
  repo: CustomerServiceRepository,
  { data }: EventOf<"billing.invoice.held">,
  work: UnitOfWork,
): Promise<void> {
  const message = `Invoice held (${data.reason}): ${data.detail}`;
  const entry: TimelineEntry = {
    at: new Date(data.heldAt),
    kind: "INVOICE_HELD",
    message,
    reference: data.invoiceId,
    key: `invoice:${data.invoiceId}:held:${data.reason}:${data.heldAt}`,
  };
  await applyToInvoice(repo, work, data, entry, message);
}

export async function onInvoiceReleased(
  repo: CustomerServiceRepository,
  { data }: EventOf<"billing.invoice.released">,
  work: UnitOfWork,
): Promise<void> {
  const by = data.releasedBy === "FINANCE" ? "by finance" : "automatically";
  await applyToInvoice(repo, work, data, {
    at: new Date(data.releasedAt),
    kind: "INVOICE_RELEASED",
    message: `Invoice hold ${data.reason} released ${by}${data.comment ? `: ${data.comment}` : ""}`,
    reference: data.invoiceId,
    key: `invoice:${data.invoiceId}:released:${data.reason}:${data.releasedAt}`,
  });
}

export async function onInvoiceVoided(
  repo: CustomerServiceRepository,
  { data }: EventOf<"billing.invoice.voided">,
  work: UnitOfWork,
): Promise<void> {
  await applyToInvoice(repo, work, data, {
    at: new Date(data.voidedAt),
    kind: "INVOICE_VOIDED",
    message: "Invoice voided: its shipment was voided before pickup",
    reference: data.invoiceId,
    key: `invoice:${data.invoiceId}:voided`,
  });
}

/** Puts a billing document about no invoice state (a credit or an adjustment note) on the timeline once. */
async function noteOnTimeline(
  repo: CustomerServiceRepository,
  orderId: string,
  entry: TimelineEntry,
  { session }: UnitOfWork,
): Promise<void> {
  const order = await knownOrder(repo, orderId, session);
  if (recorded(order, entry.key)) return;
  await repo.recordEntries(orderId, [entry], session);
}

export function onCreditNoteIssued(
  repo: CustomerServiceRepository,
  { data }: EventOf<"billing.credit_note.issued">,
  work: UnitOfWork,
): Promise<void> {
  const why = data.reason === "RETURN" ? "for a return" : "for a voided shipment";
  return noteOnTimeline(
    repo,
    data.orderId,
    {
      at: new Date(data.issuedAt),
      kind: "CREDIT_NOTE_ISSUED",
      message: `Credit note ${data.number} issued ${why} for ${amount(data.total)} against invoice ${data.invoiceNumber}`,
      reference: data.creditNoteId,
      key: `credit_note:${data.creditNoteId}`,
    },
    work,
  );
}

export function onAdjustmentNoteIssued(
  repo: CustomerServiceRepository,
  { data }: EventOf<"billing.adjustment_note.issued">,
  work: UnitOfWork,
): Promise<void> {
  const charge = data.type.toLowerCase().replaceAll("_", " ");
  return noteOnTimeline(
    repo,
    data.orderId,
    {
      at: new Date(data.issuedAt),
      kind: "ADJUSTMENT_NOTE_ISSUED",
      message: `Adjustment note ${data.number} issued for ${amount(data.total)} (carrier ${charge} charge) against invoice ${data.invoiceNumber}`,
      reference: data.adjustmentNoteId,
      key: `adjustment_note:${data.adjustmentNoteId}`,
    },
    work,
  );
}
