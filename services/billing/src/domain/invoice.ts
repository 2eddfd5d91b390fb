import { taxOn } from "@waybill/contracts";
import type { InvoiceLineRecord, OrderTerms } from "../store/records.ts";

export interface ShippedLine {
  lineId: string;
  quantity: number;
}

export interface InvoiceAmounts {
  lines: InvoiceLineRecord[];
  shippingCharge: number;
  shippingTax: number;
  subtotal: number;
  taxTotal: number;
  total: number;
}

/**
 * Prices the shipped quantities at the order's prices and taxes, plus the shipping charge.
 * Tax is computed per line and rounded per line; the shipping charge is taxed at the highest
 * rate among the shipped lines (the usual rule for a mixed consignment). Integers only.
 */
export function priceShipment(
  terms: OrderTerms,
  shipped: ShippedLine[],
  shippingCharge: number,
): InvoiceAmounts {
  const lines = shipped.map(({ lineId, quantity }) => {
    const ordered = terms.lines.find((line) => line.lineId === lineId);
    if (!ordered) throw new RangeError(`order ${terms._id} has no line ${lineId}`);
    const net = ordered.unitPrice * quantity;
    return {
      lineId,
      sku: ordered.sku,
      quantity,
      unitPrice: ordered.unitPrice,
      taxRatePpm: ordered.taxRatePpm,
      net,
      tax: taxOn(net, ordered.taxRatePpm),
    };
  });
  const shippingRate = Math.max(0, ...lines.map((line) => line.taxRatePpm));
  const shippingTax = taxOn(shippingCharge, shippingRate);
  const subtotal = lines.reduce((sum, line) => sum + line.net, 0) + shippingCharge;
  const taxTotal = lines.reduce((sum, line) => sum + line.tax, 0) + shippingTax;
  return { lines, shippingCharge, shippingTax, subtotal, taxTotal, total: subtotal + taxTotal };
}

/** `INV-2026-000042`. */
export function invoiceNumber(series: string, value: number): string {
  return `${series}-${String(value).padStart(6, "0")}`;
}

/** Invoices are numbered in one series per calendar year of issue. */
export function seriesFor(issuedAt: Date): string {
  return `INV-${issuedAt.getUTCFullYear()}`;
}
