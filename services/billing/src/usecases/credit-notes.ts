import { randomUUID } from "node:crypto";
import type { UnitOfWork } from "@waybill/service";
import type { CreditNoteContent } from "../domain/credit.ts";
import { SERIES } from "../domain/invoice.ts";
import { billingMetrics } from "../metrics.ts";
import type { Transition } from "../domain/lifecycle.ts";
import type { BillingRepository } from "../store/repository.ts";
import type { CreditNoteRecord } from "../store/records.ts";
import { commit } from "./commit.ts";
import { numberNote } from "./numbering.ts";

/**
 * Numbers a credit note from this year's credit note series (gapless: the counter moves in the
 * caller's transaction), stores it and tells it.
 */
export async function issueCreditNote(
  repo: BillingRepository,
  content: CreditNoteContent,
  work: UnitOfWork,
): Promise<CreditNoteRecord> {
  const { number, issuedAt } = await numberNote(repo, SERIES.creditNote, work);
  const note: CreditNoteRecord = { _id: `cn_${randomUUID()}`, number, issuedAt, ...content };
  await repo.addCreditNote(note, work.session);
  const figures = billingMetrics(work.metrics);
  work.afterCommit(() => figures.creditNoteIssued(note.reason));
  const { currency } = note;
  await work.emit("billing.credit_note.issued", note._id, {
    creditNoteId: note._id,
    number,
    reason: note.reason,
    invoiceId: note.invoiceId,
    invoiceNumber: note.invoiceNumber,
    orderId: note.orderId,
    shipmentId: note.shipmentId,
    customerId: note.customerId,
    returnId: note.returnId,
    lines: note.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
    shippingRefund: { amount: note.shippingRefund, currency },
    total: { amount: note.total, currency },
    issuedAt: issuedAt.toISOString(),
  });
  work.logger.info(
    { creditNoteId: note._id, number, invoiceId: note.invoiceId, reason: note.reason },
    "credit note issued",
  );
  return note;
}

/**
 * Persists what a return or a void did to an order's invoices, in the caller's transaction: each
 * invoice (a void told), then each credit note, numbered in order.
 */
export async function commitToOrder(
  repo: BillingRepository,
  {
    transitions,
    notes,
  }: { transitions: readonly Transition[]; notes: readonly CreditNoteContent[] },
  work: UnitOfWork,
): Promise<CreditNoteRecord[]> {
  for (const transition of transitions) await commit(repo, transition, work);
  const issued: CreditNoteRecord[] = [];
  for (const content of notes) issued.push(await issueCreditNote(repo, content, work));
  return issued;
}
