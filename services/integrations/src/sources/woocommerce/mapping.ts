import {
  formatAmount,
  formatTaxRate,
  isCurrency,
  minorDigits,
  parseAmount,
  parseTaxRate,
} from "@waybill/contracts";
import type { WoocommerceLineItem, WoocommerceOrder } from "./payload.ts";

/** The sales channel WooCommerce orders are placed in; their external reference is the order id. */
export const WOOCOMMERCE_CHANNEL = "woocommerce";

/** An order line as the hub's `placeChannelOrder` takes it. */
export interface WoocommerceOrderLine {
  sku: string;
  quantity: number;
  /** Decimal string in the order's currency. */
  unitPrice: string;
  /** Percent as a decimal string. */
  taxRate: string;
}

/** A WooCommerce order in Waybill's terms, ready to be placed for the customer with `email`. */
export interface MappedWoocommerceOrder {
  reference: string;
  email: string;
  customerName: string;
  currency: string;
  lines: WoocommerceOrderLine[];
}

/** WooCommerce may write more decimals than the currency has ("18.000000"): zeros past it go. */
function amountOf(text: string, currency: string): number {
  const [whole = text, fraction = ""] = text.split(".");
  const kept = fraction.slice(0, minorDigits(currency));
  const exact = /[^0]/.test(fraction.slice(kept.length)) ? text : kept ? `${whole}.${kept}` : whole;
  return parseAmount(exact, currency);
}

/** The line's rate: the rates of the order's tax lines that taxed it, added up (state + county). */
function taxRateOf(item: WoocommerceLineItem, order: WoocommerceOrder, label: string): string {
  let ppm = 0;
  for (const tax of item.taxes) {
    // WooCommerce may keep line taxes unrounded ("0.9450"): only whether it is zero matters here.
    if (!/[1-9]/.test(tax.total)) continue;
    const rate = order.tax_lines.find((line) => line.rate_id === tax.id)?.rate_percent;
    if (rate === undefined || rate === null)
      throw new RangeError(`${label}: tax rate ${tax.id} has no rate_percent in tax_lines`);
    ppm += parseTaxRate(String(rate));
  }
  if (ppm > 1_000_000)
    throw new RangeError(`${label}: its tax rates add up to more than 100 percent`);
  return formatTaxRate(ppm);
}

function mapLine(item: WoocommerceLineItem, order: WoocommerceOrder): WoocommerceOrderLine {
  const label = `line item ${item.id}${item.name ? ` (${item.name})` : ""}`;
  const sku = item.sku?.trim();
  if (!sku) throw new RangeError(`${label} has no SKU`);
  // The net total after coupons must spread evenly over the units to be a unit price.
  const total = amountOf(item.total, order.currency);
  if (total < 0 || total % item.quantity !== 0)
    throw new RangeError(`${label}: its total ${item.total} does not spread evenly over its units`);
  return {
    sku,
    quantity: item.quantity,
    unitPrice: formatAmount(total / item.quantity, order.currency),
    taxRate: taxRateOf(item, order, label),
  };
}

/**
 * Maps a well-formed WooCommerce order; a reason when Waybill cannot take it as it is (answered
 * 422). Line totals are net in WooCommerce whatever `prices_include_tax` says, so both kinds of
 * shop map the same. Shipping lines are not mapped: shipping is billed from the shipment.
 */
export function mapWoocommerceOrder(
  order: WoocommerceOrder,
): MappedWoocommerceOrder | { problem: string } {
  if (!isCurrency(order.currency))
    return { problem: `unknown ISO 4217 currency ${order.currency}` };
  const email = (order.billing?.email ?? "").trim().toLowerCase();
  if (!email) return { problem: "the order has no billing email" };
  const customerName =
    [order.billing?.first_name, order.billing?.last_name]
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(" ") || email;
  if (order.line_items.length === 0) return { problem: "the order has no line items" };
  try {
    const lines = order.line_items.map((item) => mapLine(item, order));
    return { reference: String(order.id), email, customerName, currency: order.currency, lines };
  } catch (error) {
    if (error instanceof RangeError) return { problem: error.message };
    throw error;
  }
}
