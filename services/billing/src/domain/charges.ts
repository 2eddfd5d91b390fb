/**
 * Carrier charges (accessorials, corrections) on a shipment. Configuration says which types are
 * re-billed to the customer (`CHARGE_REBILL`); the others are only a cost. A re-billed charge is
 * taxed like shipping (at the highest rate among the invoice's lines) and goes on the shipment's
 * invoice while it is not issued, or on an adjustment (debit) note once it is. Never re-billed: a
 * charge on a voided shipment (nothing of it is billed), and a charge of zero or less (a carrier's
 * refund lowers our cost; it is not the customer's).
 */
import { taxOn, type CarrierChargeType } from "@waybill/contracts";
import type { AdjustmentNoteRecord, ChargeBilling, InvoiceRecord } from "../store/records.ts";
import { chargesOf, noteHeader, repriced, shippingRateOf, type ChargeToPrice } from "./invoice.ts";
import { isVoided } from "./lifecycle.ts";

/** An adjustment note before it is numbered and stamped. */
export type AdjustmentNoteContent = Omit<AdjustmentNoteRecord, "_id" | "number" | "issuedAt">;

/** What becomes of a carrier charge on the shipment's invoice. */
export function chargeBilling(
  invoice: InvoiceRecord,
  charge: { type: CarrierChargeType; amount: number },
  rebilled: ReadonlySet<CarrierChargeType>,
): ChargeBilling {
  if (!rebilled.has(charge.type) || charge.amount <= 0 || isVoided(invoice)) return "COST_ONLY";
  return invoice.number ? "ADJUSTMENT_NOTE" : "INVOICED";
}

/** The invoice, not issued yet, with the charge as a charge line and its totals priced again. */
export function addCharge(invoice: InvoiceRecord, charge: ChargeToPrice): InvoiceRecord {
  if (invoice.number) throw new RangeError(`invoice ${invoice._id} is issued: raise a note`);
  return repriced(invoice, invoice.lines, invoice.shippingCharge, [...chargesOf(invoice), charge]);
}

/** The adjustment note re-billing a charge against an issued invoice. */
export function adjustmentNoteFor(
  invoice: InvoiceRecord,
  charge: ChargeToPrice,
): AdjustmentNoteContent {
  const header = noteHeader(invoice);
  const taxRatePpm = shippingRateOf(invoice.lines);
  const tax = taxOn(charge.amount, taxRatePpm);
  return {
    ...header,
    chargeId: charge.chargeId,
    type: charge.type,
    description: charge.description,
    amount: charge.amount,
    taxRatePpm,
    tax,
    total: charge.amount + tax,
  };
}
