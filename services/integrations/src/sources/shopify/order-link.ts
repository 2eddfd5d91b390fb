import { HttpError } from "@waybill/http";
import type { WebhookDelivery } from "../../webhooks/source.ts";

/** The link key of a Shopify order (numeric id), a return and a refund. */
export const shopifyOrderKey = (orderId: string) => `order:${orderId}`;
export const shopifyReturnKey = (returnId: string) => `return:${returnId}`;
export const shopifyRefundKey = (refundId: string) => `refund:${refundId}`;

const ORDER_LINES = /* GraphQL */ `
  query ShopifyOrderLines($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      lines {
        id
        sku
        quantity
        cancelledQuantity
        shippedQuantity
      }
    }
  }
`;

export type WaybillLine = {
  id: string;
  sku: string;
  quantity: number;
  cancelledQuantity: number;
  shippedQuantity: number;
};

/** A Waybill order placed from Shopify, with Shopify's line item id beside each line. */
export type LinkedOrder = {
  id: string;
  cancelledAt: string | null;
  lines: (WaybillLine & { lineItemId: string | null })[];
};

/**
 * The Waybill order a Shopify order became when its `orders/create` was placed. An order Waybill
 * never placed is refused (422, kept in the receipts): the later webhooks cannot place it.
 */
export async function linkedOrder(
  delivery: WebhookDelivery,
  shopifyOrderId: string,
): Promise<LinkedOrder> {
  const link = await delivery.repo.shopifyLink(shopifyOrderKey(shopifyOrderId));
  if (!link?.target)
    throw new HttpError(
      422,
      "UNKNOWN_ORDER",
      `Shopify order ${shopifyOrderId} was not placed in Waybill (no orders/create seen)`,
    );
  const { order } = await delivery.hub.execute<{
    order: { id: string; cancelledAt: string | null; lines: WaybillLine[] } | null;
  }>(ORDER_LINES, { id: link.target });
  if (!order) throw new HttpError(422, "UNKNOWN_ORDER", `order ${link.target} is not in Waybill`);
  // orders/create placed one line per line item, in Shopify's order.
  const lineItems = link.lineItems ?? [];
  return {
    ...order,
    lines: order.lines.map((line, index) => ({ ...line, lineItemId: lineItems[index] ?? null })),
  };
}

/** The order's line for a Shopify line item; 422 when the order has none. */
export function lineOf(order: LinkedOrder, lineItemId: string): WaybillLine {
  const line = order.lines.find((candidate) => candidate.lineItemId === lineItemId);
  if (!line)
    throw new HttpError(
      422,
      "UNKNOWN_LINE_ITEM",
      `order ${order.id} has no line for Shopify line item ${lineItemId}`,
    );
  return line;
}
