import { randomUUID } from "node:crypto";
import type { CarrierChargeType, EventOf } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/bus";
import type { UnitOfWork } from "@waybill/service";
import {
  addCharge,
  adjustmentNoteFor,
  chargeBilling,
  type AdjustmentNoteContent,
} from "../domain/charges.ts";
import { SERIES } from "../domain/invoice.ts";
import { billingMetrics } from "../metrics.ts";
import type { BillingRepository } from "../store/repository.ts";
import type { AdjustmentNoteRecord } from "../store/records.ts";
import { numberNote } from "./numbering.ts";

/**
 * Records a carrier charge once per charge id as the shipment's fulfilment cost, and re-bills it
 * when its type is re-billed: on the invoice before issue, on an adjustment note after.
 */
export async function recordCarrierCharge(
  repo: BillingRepository,
  rebilled: ReadonlySet<CarrierChargeType>,
  event: EventOf<"shipments.carrier_charge.recorded">,
  work: UnitOfWork,
): Promise<void> {
  const { chargeId, shipmentId, type, amount, description, fulfilmentCost, recordedAt } =
    event.data;
  const { session } = work;
  if (await repo.recordedCharge(chargeId, session)) return;
  const invoice = await repo.invoiceOfShipment(shipmentId, session);
  // The charge can overtake the confirmation on its way here: retry until the invoice exists.
  if (!invoice) throw new RetryLaterError(`no invoice for shipment ${shipmentId} yet`);
  for (const told of [amount, fulfilmentCost])
    if (told.currency !== invoice.currency)
      throw new RangeError(
        `carrier charge ${chargeId} is in ${told.currency}; invoice ${invoice._id} is in ${invoice.currency}`,
      );
  const billing = chargeBilling(invoice, { type, amount: amount.amount }, rebilled);
  const charge = { chargeId, type, description, amount: amount.amount };
  if (billing === "INVOICED") await repo.save(addCharge(invoice, charge), session);
  if (billing === "ADJUSTMENT_NOTE")
    await issueAdjustmentNote(repo, adjustmentNoteFor(invoice, charge), work);
  await repo.recordCharge(
    {
      _id: chargeId,
      shipmentId,
      orderId: invoice.orderId,
      customerId: invoice.customerId,
      invoiceId: invoice._id,
      type,
      amount: amount.amount,
      currency: amount.currency,
      billing,
      fulfilmentCost: fulfilmentCost.amount,
      recordedAt: new Date(recordedAt),
    },
    session,
  );
  work.logger.info({ chargeId, shipmentId, type, billing }, "carrier charge recorded");
}

/** Numbers an adjustment note from this year's series (gapless), stores it and tells it. */
async function issueAdjustmentNote(
  repo: BillingRepository,
  content: AdjustmentNoteContent,
  work: UnitOfWork,
): Promise<AdjustmentNoteRecord> {
  const { number, issuedAt } = await numberNote(repo, SERIES.adjustmentNote, work);
  const note: AdjustmentNoteRecord = { _id: `an_${randomUUID()}`, number, issuedAt, ...content };
  await repo.addAdjustmentNote(note, work.session);
  const figures = billingMetrics(work.metrics);
  work.afterCommit(() => figures.adjustmentNoteIssued());
  await work.emit("billing.adjustment_note.issued", note._id, {
    adjustmentNoteId: note._id,
    number,
    invoiceId: note.invoiceId,
    invoiceNumber: note.invoiceNumber,
    orderId: note.orderId,
    shipmentId: note.shipmentId,
    customerId: note.customerId,
    chargeId: note.chargeId,
    type: note.type,
    total: { amount: note.total, currency: note.currency },
    issuedAt: issuedAt.toISOString(),
  });
  return note;
}
