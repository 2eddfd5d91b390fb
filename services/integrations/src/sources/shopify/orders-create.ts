import { HttpError } from "@waybill/http";
import type { WebhookAnswer, WebhookDelivery, WebhookTopic } from "../../webhooks/source.ts";
import { SHOPIFY_CHANNEL, mapShopifyOrder, type MappedShopifyOrder } from "./mapping.ts";
import { shopifyOrderKey } from "./order-link.ts";
import { parseShopifyOrder } from "./payload.ts";

const PLACE_CHANNEL_ORDER = /* GraphQL */ `
  mutation PlaceShopifyOrder($input: PlaceChannelOrderInput!) {
    placeChannelOrder(input: $input) {
      __typename
      ... on Order {
        id
      }
      ... on DuplicateOrderError {
        existingOrder {
          id
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`;

type Placed =
  | { __typename: "Order"; id: string }
  | { __typename: "DuplicateOrderError"; existingOrder: { id: string } }
  | { __typename: string; code: string; message: string };

function placed(orderId: string, created: boolean): WebhookAnswer {
  return {
    status: created ? 201 : 200,
    body: { orderId, created },
    outcome: created ? "ORDER_PLACED" : "ALREADY_PLACED",
    reference: orderId,
  };
}

async function place(delivery: WebhookDelivery, order: MappedShopifyOrder): Promise<WebhookAnswer> {
  const input = {
    customer: { email: order.email, name: order.customerName },
    channel: SHOPIFY_CHANNEL,
    externalReference: order.reference,
    currency: order.currency,
    lines: order.lines,
  };
  const { placeChannelOrder: result } = await delivery.hub.execute<{ placeChannelOrder: Placed }>(
    PLACE_CHANNEL_ORDER,
    { input },
  );
  const orderId =
    "id" in result ? result.id : "existingOrder" in result ? result.existingOrder.id : null;
  if (orderId === null)
    throw new HttpError(422, "UNPROCESSABLE_ORDER", "message" in result ? result.message : "");
  // Later webhooks (cancelled, updated, returns) name Shopify's ids: remember what they became.
  await delivery.repo.linkShopify(shopifyOrderKey(order.reference), orderId, order.lineItemIds);
  return placed(orderId, "id" in result);
}

/**
 * `orders/create`: places the Shopify order once per Shopify order id, for the customer with the
 * order's email (found, or created with the order). 201 placed, 200 placed before, 400 malformed,
 * 422 not acceptable as it is (an unknown SKU, a tax-inclusive price, ...).
 */
export const ordersCreate: WebhookTopic = {
  async handle(delivery) {
    const topic = delivery.headers["x-shopify-topic"];
    if (topic !== undefined && topic !== "orders/create")
      throw new HttpError(400, "WRONG_TOPIC", `this endpoint takes orders/create, not ${topic}`);
    const parsed = parseShopifyOrder(delivery.body);
    if ("problem" in parsed) throw new HttpError(400, "MALFORMED_ORDER", parsed.problem);
    const mapped = mapShopifyOrder(parsed.order);
    if ("problem" in mapped) throw new HttpError(422, "UNPROCESSABLE_ORDER", mapped.problem);
    return place(delivery, mapped);
  },
};
