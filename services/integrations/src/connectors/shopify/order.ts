import { assertOwnOrder } from "../channel.ts";
import { ConnectorError } from "../outcome.ts";
import type { ShopifyMapping } from "./mapping.ts";

type OrderRef = { id: string; channel: string; externalReference: string | null };

/** A Shopify order's line items in the order's own order, as `order.lineItems` lists them. */
export type ShopifyLineItem = { id: string; sku: string | null };

export const LINE_ITEMS = "lineItems(first: 100) { nodes { id sku } }";

/**
 * The Shopify order an order of ours is: only orders of the Shopify channel are the shop's (an
 * order's channel decides where its updates go). The orders/create webhook keeps Shopify's numeric
 * order id as the external reference.
 */
export function shopifyOrderId(order: OrderRef, mapping: ShopifyMapping, what: string): string {
  assertOwnOrder(order, mapping.channel, "Shopify", what);
  const reference = order.externalReference?.trim() ?? "";
  if (/^\d+$/.test(reference)) return `gid://shopify/Order/${reference}`;
  if (/^gid:\/\/shopify\/Order\/\d+$/.test(reference)) return reference;
  throw new ConnectorError(
    "parked",
    `order ${order.id} has no Shopify order id as its external reference (${reference || "none"})`,
    { category: "missing_reference" },
  );
}

/**
 * The Shopify line item of one of our order lines. The orders/create webhook placed the order's
 * lines in the order of Shopify's line items (one line per line item), so the line's position
 * finds it; the SKUs must agree, or the order was edited in Shopify since and a person decides.
 */
export function lineItemOf(
  lineItems: readonly ShopifyLineItem[],
  line: { orderLineIndex: number | null; code: string },
  orderId: string,
): string {
  const index = line.orderLineIndex ?? -1;
  const item = index >= 0 ? lineItems[index] : undefined;
  if (!item || item.sku?.trim() !== line.code)
    throw new ConnectorError(
      "parked",
      `Shopify order ${orderId} has no line item ${index + 1} for ${line.code}${item ? ` (it is ${item.sku ?? "without SKU"})` : ""}`,
      { category: "missing_reference" },
    );
  return item.id;
}

/** The order; parked when the shop has no such order (deleted there, or a wrong reference). */
export function found<T>(order: T | null, id: string): T {
  if (!order) throw new ConnectorError("parked", `Shopify has no order ${id}`);
  return order;
}
