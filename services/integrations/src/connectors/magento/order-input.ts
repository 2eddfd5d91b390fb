import {
  formatAmount,
  formatTaxRate,
  isCurrency,
  minorDigits,
  parseAmount,
  parseTaxRate,
} from "@waybill/contracts";
import { lineItems, type MagentoOrder, type MagentoOrderItem } from "./order.ts";

/** An order as the hub's `placeChannelOrder` takes it. */
export type ChannelOrderInput = {
  customer: { email: string; name: string };
  channel: string;
  externalReference: string;
  currency: string;
  lines: { sku: string; quantity: number; unitPrice: string; taxRate: string }[];
};

/**
 * A JSON number as the decimal Magento wrote (its shortest form is that text, no arithmetic on
 * it), with zeros past `digits` decimals dropped: Magento keeps four decimals for every amount.
 */
export function decimalText(value: number, digits: number, label: string): string {
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`${label} is not a non-negative decimal (${text})`);
  const [, whole = "0", fraction = ""] = match;
  const kept = fraction.slice(0, digits);
  if (/[^0]/.test(fraction.slice(kept.length)))
    throw new RangeError(`${label} has more than ${digits} decimals (${text})`);
  return kept ? `${whole}.${kept}` : whole;
}

function line(item: MagentoOrderItem, currency: string) {
  const label = `item ${item.item_id} (${item.sku})`;
  if (!Number.isInteger(item.qty_ordered) || item.qty_ordered <= 0)
    throw new RangeError(
      `${label}: its quantity ${item.qty_ordered} is not a whole number of units`,
    );
  const digits = minorDigits(currency);
  const price = parseAmount(decimalText(item.price, digits, `${label}: price`), currency);
  const discount = parseAmount(
    decimalText(item.discount_amount ?? 0, digits, `${label}: discount_amount`),
    currency,
  );
  if (discount % item.qty_ordered !== 0 || discount > price * item.qty_ordered)
    throw new RangeError(`${label}: its discount does not spread evenly over its units`);
  return {
    sku: item.sku.trim(),
    quantity: item.qty_ordered,
    unitPrice: formatAmount(price - discount / item.qty_ordered, currency),
    taxRate: formatTaxRate(
      parseTaxRate(decimalText(item.tax_percent ?? 0, 4, `${label}: tax_percent`)),
    ),
  };
}

/**
 * A Magento order in Waybill's terms: one line per top-level item at its net price (`price`,
 * excluding tax, less its discount), with its `tax_percent`; the increment id as the external
 * reference. A reason when Waybill cannot take it as it is. Shipping is billed from the
 * shipment confirmation, not taken from the order.
 */
export function orderInput(
  order: MagentoOrder,
  channel: string,
): ChannelOrderInput | { problem: string } {
  const currency = order.order_currency_code;
  if (!isCurrency(currency)) return { problem: `unknown ISO 4217 currency ${currency}` };
  const email = (order.customer_email ?? "").trim().toLowerCase();
  if (!email) return { problem: "the order has no customer_email" };
  const name =
    [order.customer_firstname, order.customer_lastname]
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(" ") || email;
  try {
    const lines = lineItems(order).map((item) => line(item, currency));
    if (lines.length === 0) return { problem: "the order has no items" };
    return {
      customer: { email, name },
      channel,
      externalReference: order.increment_id,
      currency,
      lines,
    };
  } catch (error) {
    if (error instanceof RangeError) return { problem: error.message };
    throw error;
  }
}
