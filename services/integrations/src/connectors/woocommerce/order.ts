import { assertOwnOrder } from "../channel.ts";
import { ConnectorError } from "../outcome.ts";
import type { WoocommerceMapping } from "./mapping.ts";

type OrderRef = { id: string; channel: string; externalReference: string | null };

/** A line item of a WooCommerce order as `GET /orders/{id}` gives it. */
export type WooLineItem = {
  id: number;
  sku: string;
  quantity: number;
  taxes: { id: number; total: string }[];
};

/** The order as the connector reads it. */
export type WooOrder = {
  id: number;
  status: string;
  currency: string;
  line_items: WooLineItem[];
};

/**
 * The WooCommerce order id an order of ours is: only orders of the mapping's channel are the
 * store's (an order's channel decides where its updates go). The order webhooks keep
 * WooCommerce's order id as the external reference.
 */
export function woocommerceOrderId(
  order: OrderRef,
  mapping: WoocommerceMapping,
  what: string,
): number {
  assertOwnOrder(order, mapping.channel, "WooCommerce", what);
  const reference = order.externalReference?.trim() ?? "";
  if (/^\d{1,15}$/.test(reference)) return Number(reference);
  throw new ConnectorError(
    "parked",
    `order ${order.id} has no WooCommerce order id as its external reference (${reference || "none"})`,
    { category: "missing_reference" },
  );
}

/**
 * The WooCommerce line item of one of our order lines. The order webhook placed the order's lines
 * in the order of WooCommerce's line items, so the line's position finds it; the SKUs must agree,
 * or the order was edited in the store since and a person decides.
 */
export function lineItemOf(
  order: WooOrder,
  line: { orderLineIndex: number | null; code: string },
): WooLineItem {
  const index = line.orderLineIndex ?? -1;
  const item = index >= 0 ? order.line_items[index] : undefined;
  if (!item || item.sku.trim() !== line.code)
    throw new ConnectorError(
      "parked",
      `WooCommerce order ${order.id} has no line item ${index + 1} for ${line.code}${item ? ` (it is ${item.sku || "without SKU"})` : ""}`,
      { category: "missing_reference" },
    );
  return item;
}
