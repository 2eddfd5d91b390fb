import type { WebhookSource } from "../../webhooks/source.ts";
import type { WoocommerceWebhookConfig } from "./config.ts";
import { orderCreated, orderUpdated } from "./orders.ts";
import { isValidWoocommerceSignature, isWoocommercePing } from "./signature.ts";

/**
 * WooCommerce's webhooks (https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks): JSON
 * bodies of the REST API v3 resource, signed with `X-WC-Webhook-Signature`, the base64
 * HMAC-SHA256 of the raw body under the webhook's secret. Every webhook of the shop pointing here
 * must share the one secret.
 */
export function woocommerceSource(config: WoocommerceWebhookConfig): WebhookSource {
  return {
    name: "woocommerce",
    headers: [
      "x-wc-webhook-signature",
      "x-wc-webhook-topic",
      "x-wc-webhook-resource",
      "x-wc-webhook-event",
      "x-wc-webhook-id",
      "x-wc-webhook-delivery-id",
      "x-wc-webhook-source",
      "content-type",
    ],
    topics: { "order-created": orderCreated, "order-updated": orderUpdated },
    verify(body, headers) {
      if (!config.secret)
        return {
          disabled:
            "WOOCOMMERCE_WEBHOOK_SECRET is not set, so WooCommerce webhooks cannot be verified and are refused",
        };
      return isValidWoocommerceSignature(config.secret, body, headers["x-wc-webhook-signature"]);
    },
    isPing: isWoocommercePing,
  };
}
