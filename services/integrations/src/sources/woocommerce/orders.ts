import { HttpError } from "@waybill/http";
import { parsePayload } from "../../webhooks/carrier-events.ts";
import type { WebhookAnswer, WebhookDelivery, WebhookTopic } from "../../webhooks/source.ts";
import { cancelOrder, placeOrder } from "./hub.ts";
import { mapWoocommerceOrder } from "./mapping.ts";
import { woocommerceOrder, type WoocommerceOrder } from "./payload.ts";

/** Paid and waiting to be fulfilled: the one status Waybill places orders in. */
const PLACED_STATUS = "processing";

async function place(delivery: WebhookDelivery, order: WoocommerceOrder): Promise<WebhookAnswer> {
  const mapped = mapWoocommerceOrder(order);
  if ("problem" in mapped) throw new HttpError(422, "UNPROCESSABLE_ORDER", mapped.problem);
  const placed = await placeOrder(delivery.hub, mapped);
  if ("refused" in placed) throw new HttpError(422, "UNPROCESSABLE_ORDER", placed.refused);
  return {
    status: placed.created ? 201 : 200,
    body: { orderId: placed.orderId, created: placed.created },
    outcome: placed.created ? "ORDER_PLACED" : "ALREADY_PLACED",
    reference: placed.orderId,
  };
}

/**
 * A cancelled order was placed in Waybill only if it was ever paid: its placing is looked up (or,
 * when the processing delivery was lost, made) through the channel reference, then cancelled.
 * Orders refuses once something shipped; that is answered 200 with the refusal as the outcome,
 * since WooCommerce disables a webhook after five failed deliveries and a retry cannot help.
 */
async function cancel(delivery: WebhookDelivery, order: WoocommerceOrder): Promise<WebhookAnswer> {
  if (!order.date_paid)
    return {
      status: 200,
      body: { ignored: "never paid, so never placed in Waybill" },
      outcome: "NOTHING_TO_CANCEL",
    };
  const placed = await place(delivery, order);
  const orderId = placed.reference ?? "";
  const cancelled = await cancelOrder(
    delivery.hub,
    orderId,
    `cancelled in WooCommerce (order ${order.number ?? order.id})`,
  );
  const outcome = cancelled.code === "CANCELLED" ? "ORDER_CANCELLED" : cancelled.code;
  return {
    status: 200,
    body: { orderId, outcome },
    outcome,
    ...(cancelled.message ? { detail: cancelled.message } : {}),
    reference: orderId,
  };
}

/**
 * `order.created` and `order.updated`, one handler for both, by the order's status:
 * - `processing` (paid): placed once per WooCommerce order id, for the customer with the billing
 *   email. An `order.updated` to processing places an order created unpaid (pending, on-hold).
 * - `cancelled`: the Waybill order is cancelled (see `cancel`).
 * - any other status (pending, on-hold, failed, completed, refunded, ...): nothing to do, answered
 *   200. Line edits after placing are not mirrored: an order changed in WooCommerce after it was
 *   paid is a person's to change in Waybill; refunds come from Waybill's returns, not the shop.
 */
function orderTopic(topic: string): WebhookTopic {
  return {
    async handle(delivery) {
      const sent = delivery.headers["x-wc-webhook-topic"];
      if (sent !== undefined && sent !== topic)
        throw new HttpError(400, "WRONG_TOPIC", `this endpoint takes ${topic}, not ${sent}`);
      const order = parsePayload(delivery.body, woocommerceOrder, "a WooCommerce order");
      if (order.status === PLACED_STATUS) return place(delivery, order);
      if (order.status === "cancelled") return cancel(delivery, order);
      return {
        status: 200,
        body: { ignored: `status ${order.status} asks nothing of Waybill` },
        outcome: "IGNORED",
        detail: `status ${order.status}`,
      };
    },
  };
}

export const orderCreated = orderTopic("order.created");
export const orderUpdated = orderTopic("order.updated");
