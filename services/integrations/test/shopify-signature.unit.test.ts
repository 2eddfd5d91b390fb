import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { shopifyConfig } from "../src/sources/shopify/config.ts";
import { isValidShopifySignature, shopifySignature } from "../src/sources/shopify/signature.ts";

const secret = "test-webhook-secret-0123456789";
const body = Buffer.from('{"id":450789469,"currency":"EUR"}');

describe("Shopify webhook signature", () => {
  it("is base64 HMAC-SHA256 of the raw body with the app's secret", () => {
    const expected = createHmac("sha256", secret).update(body).digest("base64");
    expect(shopifySignature(secret, body)).toBe(expected);
    expect(isValidShopifySignature(secret, body, expected)).toBe(true);
  });

  it("refuses a signature over other bytes, another secret, or none at all", () => {
    const signature = shopifySignature(secret, body);
    const reformatted = Buffer.from('{"id": 450789469, "currency": "EUR"}');
    expect(isValidShopifySignature(secret, reformatted, signature)).toBe(false);
    expect(isValidShopifySignature("another-secret-0123456789", body, signature)).toBe(false);
    expect(isValidShopifySignature(secret, body, undefined)).toBe(false);
    expect(isValidShopifySignature(secret, body, "")).toBe(false);
    expect(isValidShopifySignature(secret, body, "not base64 at all")).toBe(false);
    expect(isValidShopifySignature(secret, body, signature.slice(0, -4))).toBe(false);
  });

  it("reads the secret once from the environment: unset disables, too short refuses to start", () => {
    expect(shopifyConfig({})).toEqual({ secret: null });
    expect(shopifyConfig({ SHOPIFY_WEBHOOK_SECRET: secret })).toEqual({ secret });
    expect(() => shopifyConfig({ SHOPIFY_WEBHOOK_SECRET: "short" })).toThrow(
      /SHOPIFY_WEBHOOK_SECRET/,
    );
  });
});
