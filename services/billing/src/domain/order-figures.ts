import type {
  AdjustmentNoteRecord,
  CarrierChargeRecord,
  CreditNoteRecord,
  InvoiceRecord,
} from "../store/records.ts";
import { creditOf } from "./credit.ts";
import { chargesOf } from "./invoice.ts";
import { isVoided } from "./lifecycle.ts";

/** Everything billing holds of one order. */
export interface OrderDocuments {
  invoices: readonly InvoiceRecord[];
  creditNotes: readonly CreditNoteRecord[];
  adjustmentNotes: readonly AdjustmentNoteRecord[];
  charges: readonly CarrierChargeRecord[];
}

const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);

/**
 * What the order's issued documents bill, tax included: invoices and adjustment notes, credit
 * notes, and the difference. Invoices not issued yet bill nothing yet.
 */
export function orderTotals({ invoices, creditNotes, adjustmentNotes }: OrderDocuments) {
  const billed =
    sum(invoices.filter((invoice) => invoice.number).map((invoice) => invoice.total)) +
    sum(adjustmentNotes.map((note) => note.total));
  const credited = sum(creditNotes.map((note) => note.total));
  return { billed, credited, net: billed - credited };
}

/**
 * Shipping charged against what carriers charged us, before tax. Charged: each invoice's shipping
 * charge (unless a credit note refunded it) and re-billed carrier charges (on the invoice or on
 * adjustment notes); a voided shipment's invoice counts nothing. Cost: per shipment, the
 * fulfilment cost told with its latest carrier charge, voided shipments included (the carrier
 * bills us all the same).
 */
export function shippingMargin({ invoices, adjustmentNotes, charges }: OrderDocuments) {
  const live = invoices.filter((invoice) => !isVoided(invoice));
  const liveIds = new Set(live.map((invoice) => invoice._id));
  const charged =
    sum(
      live.map((invoice) => {
        const credit = creditOf(invoice);
        const shipping = credit.shipping ? 0 : invoice.shippingCharge;
        const rebilled = credit.charges ? 0 : sum(chargesOf(invoice).map((line) => line.amount));
        return shipping + rebilled;
      }),
    ) +
    sum(adjustmentNotes.filter((note) => liveIds.has(note.invoiceId)).map((note) => note.amount));
  const latest = new Map<string, CarrierChargeRecord>();
  for (const charge of charges) {
    const kept = latest.get(charge.shipmentId);
    const later =
      !kept ||
      charge.recordedAt.getTime() > kept.recordedAt.getTime() ||
      (charge.recordedAt.getTime() === kept.recordedAt.getTime() && charge._id > kept._id);
    if (later) latest.set(charge.shipmentId, charge);
  }
  const cost = sum([...latest.values()].map((charge) => charge.fulfilmentCost));
  return { charged, cost, margin: charged - cost };
}
