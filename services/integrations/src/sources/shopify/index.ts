import type { WebhookSource } from "../../webhooks/source.ts";
import type { ShopifyConfig } from "./config.ts";
import { ordersCancelled, ordersUpdated } from "./cancellations.ts";
import { fulfillmentEvents, fulfillments } from "./fulfillments.ts";
import { ordersCreate } from "./orders-create.ts";
import { refundsCreate, returnsRequest } from "./returns.ts";
import { isValidShopifySignature } from "./signature.ts";

/**
 * Shopify's webhooks (https://shopify.dev/docs/apps/build/webhooks): JSON bodies signed with
 * `X-Shopify-Hmac-Sha256`, the base64 HMAC-SHA256 of the raw body under the app's secret.
 */
export function shopifySource(config: ShopifyConfig): WebhookSource {
  return {
    name: "shopify",
    headers: [
      "x-shopify-hmac-sha256",
      "x-shopify-topic",
      "x-shopify-shop-domain",
      "x-shopify-webhook-id",
      "x-shopify-triggered-at",
      "x-shopify-api-version",
    ],
    topics: {
      "orders-create": ordersCreate,
      "orders-cancelled": ordersCancelled,
      "orders-updated": ordersUpdated,
      "returns-request": returnsRequest,
      "refunds-create": refundsCreate,
      "fulfillments-create": fulfillments,
      "fulfillments-update": fulfillments,
      "fulfillment-events-create": fulfillmentEvents,
    },
    verify(body, headers) {
      if (!config.secret)
        return {
          disabled:
            "SHOPIFY_WEBHOOK_SECRET is not set, so Shopify webhooks cannot be verified and are refused",
        };
      return isValidShopifySignature(config.secret, body, headers["x-shopify-hmac-sha256"]);
    },
  };
}
