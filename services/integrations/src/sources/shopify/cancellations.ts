import { HttpError } from "@waybill/http";
import type { WebhookAnswer, WebhookDelivery, WebhookTopic } from "../../webhooks/source.ts";
import { shopifyOrderChange, type ShopifyOrderChange } from "./changes-payload.ts";
import { linkedOrder, type LinkedOrder } from "./order-link.ts";
import { expectTopic, shopifyPayload } from "./topic.ts";

const CANCEL_ORDER = /* GraphQL */ `
  mutation ShopifyCancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
      ... on UserError {
        code
        message
      }
    }
  }
`;

const CANCEL_ORDER_LINE = /* GraphQL */ `
  mutation ShopifyCancelOrderLine($input: CancelOrderLineInput!) {
    cancelOrderLine(input: $input) {
      __typename
      ... on UserError {
        code
        message
      }
    }
  }
`;

type Cancelled = { __typename: string; code?: string; message?: string };

/**
 * `orders/cancelled`: cancels the Waybill order the Shopify order became. Cancelled before is 200
 * ALREADY_CANCELLED; an order that has shipped is refused (422 CANNOT_CANCEL_SHIPPED).
 */
export const ordersCancelled: WebhookTopic = {
  async handle(delivery) {
    expectTopic(delivery, ["orders/cancelled"]);
    const change = shopifyPayload(delivery, shopifyOrderChange, "a Shopify order");
    const order = await linkedOrder(delivery, change.id);
    const reason = `Cancelled in Shopify (${change.cancel_reason?.trim() || "no reason given"})`;
    const { cancelOrder: result } = await delivery.hub.execute<{ cancelOrder: Cancelled }>(
      CANCEL_ORDER,
      { input: { orderId: order.id, reason } },
    );
    if (result.__typename === "Order")
      return {
        status: 200,
        body: { orderId: order.id },
        outcome: "ORDER_CANCELLED",
        reference: order.id,
      };
    if (result.__typename === "AlreadyCancelledError")
      return {
        status: 200,
        body: { orderId: order.id },
        outcome: "ALREADY_CANCELLED",
        reference: order.id,
      };
    throw new HttpError(422, result.code ?? "UNPROCESSABLE_CANCELLATION", result.message ?? "");
  },
};

/**
 * The line items a Shopify order no longer has at all: every unit removed, by an order edit or a
 * refund with restock type `cancel`. `current_quantity` (quantity less what edits and refunds
 * removed) tells it where the API version sends it; otherwise the refunds' `cancel` lines do.
 * Refunds of shipped goods also lower `current_quantity`: the Waybill line's own shipped units
 * tell those apart (they are returns, which `returns/request` and `refunds/create` bring).
 * Waybill cancels whole lines only, so a line item with some units left is not a cancellation.
 */
export function removedLineItems(change: ShopifyOrderChange): string[] {
  const cancelledByRefunds = new Map<string, number>();
  for (const refund of change.refunds)
    for (const line of refund.refund_line_items)
      if (line.restock_type === "cancel")
        cancelledByRefunds.set(
          line.line_item_id,
          (cancelledByRefunds.get(line.line_item_id) ?? 0) + line.quantity,
        );
  return change.line_items
    .filter((item) =>
      item.current_quantity === null || item.current_quantity === undefined
        ? (cancelledByRefunds.get(item.id) ?? 0) >= item.quantity
        : item.current_quantity === 0,
    )
    .map((item) => item.id);
}

async function cancelLines(
  delivery: WebhookDelivery,
  order: LinkedOrder,
  lineItemIds: readonly string[],
): Promise<{ cancelled: string[]; skipped: string[] }> {
  const cancelled: string[] = [];
  const skipped: string[] = [];
  for (const lineItemId of lineItemIds) {
    const line = order.lines.find((candidate) => candidate.lineItemId === lineItemId);
    // Cancelled before (a delivery sent again), or shipped: nothing to cancel.
    if (!line || line.cancelledQuantity >= line.quantity || line.shippedQuantity > 0) {
      skipped.push(lineItemId);
      continue;
    }
    const { cancelOrderLine: result } = await delivery.hub.execute<{ cancelOrderLine: Cancelled }>(
      CANCEL_ORDER_LINE,
      { input: { orderId: order.id, lineId: line.id, reason: "Removed in Shopify" } },
    );
    (result.__typename === "Order" ? cancelled : skipped).push(line.id);
  }
  return { cancelled, skipped };
}

/**
 * `orders/updated`: cancels the lines whose line items Shopify removed entirely (see
 * `removedLineItems`), each once: a line already cancelled, or one that shipped, is left alone.
 * Other changes to the order are not Waybill's to follow.
 */
export const ordersUpdated: WebhookTopic = {
  async handle(delivery): Promise<WebhookAnswer> {
    expectTopic(delivery, ["orders/updated"]);
    const change = shopifyPayload(delivery, shopifyOrderChange, "a Shopify order");
    const removed = removedLineItems(change);
    if (removed.length === 0)
      return { status: 200, body: { cancelledLines: [] }, outcome: "NO_LINE_CANCELLED" };
    const order = await linkedOrder(delivery, change.id);
    if (order.cancelledAt)
      return {
        status: 200,
        body: { cancelledLines: [] },
        outcome: "ORDER_CANCELLED_BEFORE",
        reference: order.id,
      };
    const { cancelled } = await cancelLines(delivery, order, removed);
    return {
      status: 200,
      body: { orderId: order.id, cancelledLines: cancelled },
      outcome: cancelled.length > 0 ? "LINES_CANCELLED" : "NO_LINE_CANCELLED",
      reference: order.id,
    };
  },
};
