import { HttpError } from "@waybill/http";
import { STOREFRONT_RETURNS_PRINCIPAL } from "../../hub/client.ts";
import type { WebhookAnswer, WebhookDelivery, WebhookTopic } from "../../webhooks/source.ts";
import { shopifyRefund, shopifyReturn } from "./changes-payload.ts";
import { lineOf, linkedOrder, shopifyRefundKey, shopifyReturnKey } from "./order-link.ts";
import { expectTopic, shopifyPayload } from "./topic.ts";

const REQUEST_RETURN = /* GraphQL */ `
  mutation ShopifyRequestReturn($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      __typename
      ... on Return {
        id
      }
      ... on UserError {
        code
        message
      }
    }
  }
`;

type Requested = { __typename: string; id?: string; code?: string; message?: string };

/** The note Waybill's own refunds carry (connectors/shopify/refund.ts): never a new return. */
const OWN_REFUND = "Waybill credit note ";

type Units = { lineItemId: string; quantity: number };

const answer = (returnId: string, created: boolean): WebhookAnswer => ({
  status: created ? 201 : 200,
  body: { returnId, created },
  outcome: created ? "RETURN_REQUESTED" : "ALREADY_REQUESTED",
  reference: returnId,
});

/**
 * Requests one Waybill return for `units` of a Shopify order, once per Shopify id (`key`): the id
 * is claimed before the hub is asked and linked to the return after, so a delivery sent again
 * (or at once) answers the same return instead of requesting a second.
 */
async function requestOnce(
  delivery: WebhookDelivery,
  key: string,
  shopifyOrderId: string,
  units: readonly Units[],
  reason: string,
): Promise<WebhookAnswer> {
  const claim = await delivery.repo.claimShopify(key);
  if (!claim.claimed) {
    if (claim.target) return answer(claim.target, false);
    throw new HttpError(409, "IN_PROGRESS", `${key} is being requested by another delivery`);
  }
  try {
    const order = await linkedOrder(delivery, shopifyOrderId);
    const byLine = new Map<string, number>();
    for (const unit of units) {
      const line = lineOf(order, unit.lineItemId);
      byLine.set(line.id, (byLine.get(line.id) ?? 0) + unit.quantity);
    }
    const lines = [...byLine].map(([lineId, quantity]) => ({ lineId, quantity }));
    const { requestReturn: result } = await delivery.hub.execute<{ requestReturn: Requested }>(
      REQUEST_RETURN,
      { input: { orderId: order.id, reason, lines } },
      STOREFRONT_RETURNS_PRINCIPAL,
    );
    if (!result.id)
      throw new HttpError(422, result.code ?? "UNPROCESSABLE_RETURN", result.message ?? "");
    await delivery.repo.linkShopify(key, result.id);
    return answer(result.id, true);
  } catch (error) {
    await delivery.repo.releaseShopify(key);
    throw error;
  }
}

/**
 * `returns/request`: a customer asked for a return in Shopify. Becomes a Waybill return of the
 * same units, requested once per Shopify return id.
 */
export const returnsRequest: WebhookTopic = {
  async handle(delivery) {
    expectTopic(delivery, ["returns/request"]);
    const request = shopifyPayload(delivery, shopifyReturn, "a Shopify return");
    const units = request.return_line_items.map((item) => {
      const lineItemId = item.fulfillment_line_item?.line_item.id ?? item.line_item_id;
      if (!lineItemId)
        throw new HttpError(
          400,
          "MALFORMED_EVENT",
          `return line item ${item.id} names no line item`,
        );
      return { lineItemId, quantity: item.quantity };
    });
    const reasons = [...new Set(request.return_line_items.map((item) => item.return_reason))];
    const reason = `Shopify return ${request.id}${reasons[0] ? ` (${reasons.filter(Boolean).join(", ")})` : ""}`;
    const orderId = request.order?.id ?? request.order_id ?? "";
    return requestOnce(delivery, shopifyReturnKey(request.id), orderId, units, reason);
  },
};

/**
 * `refunds/create`: a merchant refunded goods in Shopify. The units refunded with restock type
 * `return` (or `legacy_restock`) are coming back, so they become a Waybill return, once per Shopify
 * refund id. Not returns: a refund Waybill made from a credit note (its note says so: the credit
 * note came from a return already), a refund settling a Shopify return already requested, `cancel`
 * lines (orders/updated cancels those) and `no_restock` lines (money only, nothing comes back).
 */
export const refundsCreate: WebhookTopic = {
  async handle(delivery) {
    expectTopic(delivery, ["refunds/create"]);
    const refund = shopifyPayload(delivery, shopifyRefund, "a Shopify refund");
    if (refund.note?.includes(OWN_REFUND))
      return { status: 200, body: { returnId: null }, outcome: "OWN_REFUND" };
    if (refund.return) {
      const requested = await delivery.repo.shopifyLink(shopifyReturnKey(refund.return.id));
      if (requested?.target) return answer(requested.target, false);
    }
    const units = refund.refund_line_items
      .filter((line) => line.restock_type === "return" || line.restock_type === "legacy_restock")
      .filter((line) => line.quantity > 0)
      .map((line) => ({ lineItemId: line.line_item_id, quantity: line.quantity }));
    if (units.length === 0)
      return { status: 200, body: { returnId: null }, outcome: "NOTHING_RETURNED" };
    const reason = `Shopify refund ${refund.id}${refund.note ? ` (${refund.note})` : ""}`;
    return requestOnce(delivery, shopifyRefundKey(refund.id), refund.order_id, units, reason);
  },
};
