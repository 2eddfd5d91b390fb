// Shopify's side of the order intake: webhooks signed as Shopify signs them.
import { createHmac } from "node:crypto";

/** Posts a Shopify `orders/create` webhook to the gateway, signed with `secret` as Shopify does. */
export async function postShopifyOrder(
  gateway: string,
  body: string,
  secret: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL("/webhooks/shopify/orders-create", gateway), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "x-shopify-shop-domain": "waybill-test.myshopify.com",
      "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * Posts a Shopify webhook of `topic` (`orders/cancelled`, `returns/request`, ...) to its path,
 * signed with `secret`, or with the given `signature` (a tampered delivery).
 */
export async function postShopifyWebhook(
  gateway: string,
  topic: string,
  body: string,
  secret: string,
  signature = createHmac("sha256", secret).update(body).digest("base64"),
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(
    new URL(`/webhooks/shopify/${topic.replace(/[/_]/g, "-")}`, gateway),
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": topic,
        "x-shopify-shop-domain": "waybill-test.myshopify.com",
        "x-shopify-hmac-sha256": signature,
      },
      body,
    },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
