import { taxOn, type CreditReason, type ShippingRefundRule } from "@waybill/contracts";
import type {
  CreditNoteRecord,
  InvoiceCreditRecord,
  InvoiceLineRecord,
  InvoiceRecord,
} from "../store/records.ts";
import { chargesOf, noteHeader } from "./invoice.ts";

/** A credit note before it is numbered and stamped. */
export type CreditNoteContent = Omit<CreditNoteRecord, "_id" | "number" | "issuedAt">;

const NO_CREDIT: InvoiceCreditRecord = { lines: [], shipping: false, charges: false, total: 0 };

/** What credit notes have taken back of an invoice so far. */
export const creditOf = (invoice: InvoiceRecord): InvoiceCreditRecord =>
  invoice.credit ?? NO_CREDIT;

/** Units of an invoice line credited so far. */
export const creditedUnits = (invoice: InvoiceRecord, lineId: string): number =>
  creditOf(invoice).lines.find((line) => line.lineId === lineId)?.quantity ?? 0;

/** Units of an invoice line that may still be credited: invoiced minus credited. */
export const uncreditedUnits = (invoice: InvoiceRecord, line: InvoiceLineRecord): number =>
  line.quantity - creditedUnits(invoice, line.lineId);

/** Every uncredited unit of an issued invoice, by line. */
export const everyUncreditedUnit = (invoice: InvoiceRecord): Map<string, number> =>
  new Map(invoice.lines.map((line) => [line.lineId, uncreditedUnits(invoice, line)]));

/**
 * What the first `units` units of an invoice line are worth. Net is exact per unit; tax is rounded
 * on the cumulative net and is the line's own tax once every unit is counted. A note crediting
 * units `from` to `to` takes the difference, so credits split any way add up to exactly the
 * line's net and tax (no 99.99 % leftovers), and none is ever negative.
 */
export function worthOfFirst(line: InvoiceLineRecord, units: number): { net: number; tax: number } {
  if (units >= line.quantity) return { net: line.net, tax: line.tax };
  const net = line.unitPrice * units;
  return { net, tax: Math.min(line.tax, taxOn(net, line.taxRatePpm)) };
}

/**
 * Whether a credit note refunds the invoice's shipping (and its tax): once per invoice at most; a
 * void always does; otherwise the customer's rule decides: ALWAYS with the first note, ON_FULL_RETURN
 * with the note that credits the invoice's last unit, NEVER not at all.
 */
function refundsShipping(
  reason: CreditReason,
  rule: ShippingRefundRule,
  alreadyRefunded: boolean,
  fullyCreditedAfter: boolean,
): boolean {
  if (alreadyRefunded) return false;
  if (reason === "VOID") return true;
  return rule === "ALWAYS" || (rule === "ON_FULL_RETURN" && fullyCreditedAfter);
}

/**
 * Credits units of an issued invoice's lines at the invoiced price and tax: the note, and the
 * invoice with what it has had credited. Never credits a unit that was not invoiced or was credited
 * already (a RangeError: the caller allocated wrongly). Re-billed charges are credited by a void
 * only: a return takes back goods, not the carrier's surcharges.
 */
export function creditInvoice(
  invoice: InvoiceRecord,
  units: ReadonlyMap<string, number>,
  reason: CreditReason,
  returnId: string | null,
  rule: ShippingRefundRule,
): { invoice: InvoiceRecord; note: CreditNoteContent } {
  const header = noteHeader(invoice);
  for (const [lineId, quantity] of units) {
    const line = invoice.lines.find((candidate) => candidate.lineId === lineId);
    if (!line || !Number.isInteger(quantity) || quantity < 0)
      throw new RangeError(`invoice ${invoice._id} has no ${quantity} unit(s) of ${lineId}`);
    if (quantity > uncreditedUnits(invoice, line))
      throw new RangeError(
        `invoice ${invoice._id} line ${lineId}: ${quantity} unit(s) above the ${uncreditedUnits(invoice, line)} not credited yet`,
      );
  }
  const credit = creditOf(invoice);
  const lines = invoice.lines.flatMap((line) => {
    const quantity = units.get(line.lineId) ?? 0;
    if (!quantity) return [];
    const before = creditedUnits(invoice, line.lineId);
    const from = worthOfFirst(line, before);
    const to = worthOfFirst(line, before + quantity);
    return [{ ...line, quantity, net: to.net - from.net, tax: to.tax - from.tax }];
  });
  const creditedLines = invoice.lines.map((line) => ({
    lineId: line.lineId,
    quantity: creditedUnits(invoice, line.lineId) + (units.get(line.lineId) ?? 0),
  }));
  const fullyCredited = invoice.lines.every(
    (line, index) => creditedLines[index]?.quantity === line.quantity,
  );
  const shipping = refundsShipping(reason, rule, credit.shipping, fullyCredited);
  const charges = reason === "VOID" && !credit.charges ? chargesOf(invoice) : [];
  const shippingRefund = shipping ? invoice.shippingCharge : 0;
  const shippingTax = shipping ? invoice.shippingTax : 0;
  const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);
  const subtotal =
    sum(lines.map((line) => line.net)) + shippingRefund + sum(charges.map((line) => line.amount));
  const taxTotal =
    sum(lines.map((line) => line.tax)) + shippingTax + sum(charges.map((line) => line.tax));
  const total = subtotal + taxTotal;
  const note: CreditNoteContent = {
    ...header,
    reason,
    returnId,
    lines,
    charges,
    shippingRefund,
    shippingTax,
    subtotal,
    taxTotal,
    total,
  };
  const after: InvoiceCreditRecord = {
    lines: creditedLines.filter((line) => line.quantity > 0),
    shipping: credit.shipping || shipping,
    charges: credit.charges || reason === "VOID",
    total: credit.total + total,
  };
  return { invoice: { ...invoice, credit: after }, note };
}

/** Whether anything of an issued invoice is left to credit: a unit, its shipping or its charges. */
export function leftToCredit(invoice: InvoiceRecord): boolean {
  const credit = creditOf(invoice);
  return (
    invoice.lines.some((line) => uncreditedUnits(invoice, line) > 0) ||
    (!credit.shipping && invoice.shippingCharge > 0) ||
    (!credit.charges && chargesOf(invoice).length > 0)
  );
}
