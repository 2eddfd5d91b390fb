import {
  formatAmount,
  formatTaxRate,
  isCurrency,
  minorDigits,
  parseAmount,
} from "@waybill/contracts";
import type { ShopifyLineItem, ShopifyOrder } from "./payload.ts";
import { fractionToPpm } from "./tax-rate.ts";

/** The sales channel Shopify orders are placed in; their external reference is Shopify's id. */
export const SHOPIFY_CHANNEL = "shopify";

/** An order line as the hub's `placeChannelOrder` takes it. */
export interface ChannelOrderLine {
  sku: string;
  quantity: number;
  /** Decimal string in the order's currency. */
  unitPrice: string;
  /** Percent as a decimal string. */
  taxRate: string;
}

/** A Shopify order in Waybill's terms, ready to be placed for the customer with `email`. */
export interface MappedShopifyOrder {
  reference: string;
  email: string;
  customerName: string;
  currency: string;
  lines: ChannelOrderLine[];
  /** Shopify's line item ids, one per line, in the same order. */
  lineItemIds: string[];
}

/** Shopify writes "1000.00" even for zero-decimal currencies: drop zeros past the minor unit. */
export function toMinorPrecision(amount: string, currency: string): string {
  const [whole = amount, fraction = ""] = amount.split(".");
  const kept = fraction.slice(0, minorDigits(currency));
  if (/[^0]/.test(fraction.slice(kept.length))) return amount; // parseAmount reports the excess
  return kept ? `${whole}.${kept}` : whole;
}

/** Net unit price after the line's discount, which must spread evenly over its units. */
function unitPrice(item: ShopifyLineItem, currency: string, label: string): string {
  const price = parseAmount(toMinorPrecision(item.price, currency), currency);
  const discount = parseAmount(toMinorPrecision(item.total_discount ?? "0", currency), currency);
  if (discount % item.quantity !== 0 || discount > price * item.quantity)
    throw new RangeError(`${label}: its discount does not spread evenly over its units`);
  return formatAmount(price - discount / item.quantity, currency);
}

function mapLine(item: ShopifyLineItem, currency: string): ChannelOrderLine {
  const label = `line item ${item.id}${item.title ? ` (${item.title})` : ""}`;
  const sku = item.sku?.trim();
  if (!sku) throw new RangeError(`${label} has no SKU`);
  // Several tax lines (state, county, ...) add up to the line's rate.
  const ratePpm = item.tax_lines.reduce((sum, taxLine) => sum + fractionToPpm(taxLine.rate), 0);
  if (ratePpm > 1_000_000)
    throw new RangeError(`${label}: its tax rates add up to more than 100 percent`);
  return {
    sku,
    quantity: item.quantity,
    unitPrice: unitPrice(item, currency, label),
    taxRate: formatTaxRate(ratePpm),
  };
}

/**
 * Maps a well-formed Shopify order; a reason when Waybill cannot take it as it is (answered 422).
 * Shipping lines are not mapped: the shipping charge is billed from the shipment confirmation.
 * The customer's name and email are checked by the orders service, which owns customers.
 */
export function mapShopifyOrder(order: ShopifyOrder): MappedShopifyOrder | { problem: string } {
  if (!isCurrency(order.currency))
    return { problem: `unknown ISO 4217 currency ${order.currency}` };
  if (order.taxes_included)
    return {
      problem: "tax-inclusive prices (taxes_included: true) are not supported; send net prices",
    };
  const email = (order.customer?.email ?? order.email ?? "").trim().toLowerCase();
  if (!email) return { problem: "the order has no customer email (email or customer.email)" };
  const names = [order.customer?.first_name, order.customer?.last_name];
  const customerName =
    names
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(" ") || email;
  try {
    const lines = order.line_items.map((item) => mapLine(item, order.currency));
    const lineItemIds = order.line_items.map((item) => item.id);
    return {
      reference: order.id,
      email,
      customerName,
      currency: order.currency,
      lines,
      lineItemIds,
    };
  } catch (error) {
    if (error instanceof RangeError) return { problem: error.message };
    throw error;
  }
}
