import { taxOn } from "@waybill/contracts";
import type {
  ChargeLineRecord,
  InvoiceLineRecord,
  InvoiceRecord,
  OrderTerms,
} from "../store/records.ts";

export interface ShippedLine {
  lineId: string;
  quantity: number;
}

/** A line to price: its units at a unit price and tax rate. */
export type LineToPrice = Omit<InvoiceLineRecord, "net" | "tax">;

/** A re-billed carrier charge to price: its amount before tax. */
export type ChargeToPrice = Pick<ChargeLineRecord, "chargeId" | "type" | "description" | "amount">;

export interface InvoiceAmounts {
  lines: InvoiceLineRecord[];
  shippingCharge: number;
  shippingTax: number;
  charges: ChargeLineRecord[];
  subtotal: number;
  taxTotal: number;
  total: number;
}

/** The rate shipping is taxed at: the highest among the lines (the usual rule for a mixed consignment). */
export const shippingRateOf = (lines: readonly { taxRatePpm: number }[]): number =>
  Math.max(0, ...lines.map((line) => line.taxRatePpm));

/**
 * Prices lines, the shipping charge and re-billed carrier charges. Tax is computed per line and
 * rounded per line; shipping and carrier charges are taxed alike, at the shipping rate. Integers only.
 */
export function priceInvoice(
  lines: readonly LineToPrice[],
  shippingCharge: number,
  charges: readonly ChargeToPrice[],
): InvoiceAmounts {
  const priced = lines.map((line) => {
    const net = line.unitPrice * line.quantity;
    return { ...line, net, tax: taxOn(net, line.taxRatePpm) };
  });
  const rate = shippingRateOf(lines);
  const shippingTax = taxOn(shippingCharge, rate);
  const chargeLines = charges.map((charge) => ({
    ...charge,
    taxRatePpm: rate,
    tax: taxOn(charge.amount, rate),
  }));
  const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);
  const subtotal =
    sum(priced.map((line) => line.net)) +
    shippingCharge +
    sum(chargeLines.map((line) => line.amount));
  const taxTotal =
    sum(priced.map((line) => line.tax)) + shippingTax + sum(chargeLines.map((line) => line.tax));
  return {
    lines: priced,
    shippingCharge,
    shippingTax,
    charges: chargeLines,
    subtotal,
    taxTotal,
    total: subtotal + taxTotal,
  };
}

/** Prices the shipped quantities at the order's prices and taxes, plus the shipping charge. */
export function priceShipment(
  terms: OrderTerms,
  shipped: ShippedLine[],
  shippingCharge: number,
): InvoiceAmounts {
  const lines = shipped.map(({ lineId, quantity }) => {
    const ordered = terms.lines.find((line) => line.lineId === lineId);
    if (!ordered) throw new RangeError(`order ${terms._id} has no line ${lineId}`);
    const { sku, unitPrice, taxRatePpm } = ordered;
    return { lineId, sku, quantity, unitPrice, taxRatePpm };
  });
  return priceInvoice(lines, shippingCharge, []);
}

/** An invoice not issued yet, priced again after its lines, shipping or charges changed. */
export function repriced(
  invoice: InvoiceRecord,
  lines: readonly LineToPrice[],
  shippingCharge: number,
  charges: readonly ChargeToPrice[],
): InvoiceRecord {
  return { ...invoice, ...priceInvoice(lines, shippingCharge, charges) };
}

/** The re-billed charges on an invoice (none on invoices made before charges existed). */
export const chargesOf = (invoice: InvoiceRecord): ChargeLineRecord[] => invoice.charges ?? [];

/** What a credit or adjustment note repeats of the issued invoice it is against. */
export function noteHeader(invoice: InvoiceRecord) {
  const { _id, number, orderId, shipmentId, customerId, currency } = invoice;
  if (!number) throw new RangeError(`invoice ${_id} is not issued`);
  return { invoiceId: _id, invoiceNumber: number, orderId, shipmentId, customerId, currency };
}

/** `INV-2026-000042`, `CN-2026-000001`: a series and a gapless number in it. */
export function documentNumber(series: string, value: number): string {
  return `${series}-${String(value).padStart(6, "0")}`;
}

/** The prefixes of billing's document series. */
export const SERIES = { invoice: "INV", creditNote: "CN", adjustmentNote: "AN" } as const;

/** Each kind of document is numbered in one series per calendar year (UTC). */
export function seriesFor(prefix: (typeof SERIES)[keyof typeof SERIES], at: Date): string {
  return `${prefix}-${at.getUTCFullYear()}`;
}
