import { describe, expect, it } from "vitest";
import {
  isValidWoocommerceSignature,
  isWoocommercePing,
  woocommerceSignature,
} from "../src/sources/woocommerce/signature.ts";

// WooCommerce signs a delivery as base64_encode(hash_hmac('sha256', $payload, $secret, true))
// (WC_Webhook::generate_signature); the expected value below was computed with openssl.
const SECRET = "woo-webhook-secret-0123456789";
const BODY = Buffer.from('{"id":727,"status":"processing"}');

describe("WooCommerce webhook signature", () => {
  it("is the base64 HMAC-SHA256 of the raw body", () => {
    expect(woocommerceSignature(SECRET, BODY)).toBe("+DaCnu8krHGClKv7sBhY04NkXImKcv7s48W04tNoacA=");
    expect(
      isValidWoocommerceSignature(SECRET, BODY, "+DaCnu8krHGClKv7sBhY04NkXImKcv7s48W04tNoacA="),
    ).toBe(true);
  });

  it("refuses another body, another secret, a missing or malformed header", () => {
    const signature = woocommerceSignature(SECRET, BODY);
    expect(
      isValidWoocommerceSignature(
        SECRET,
        Buffer.from('{"id":728,"status":"processing"}'),
        signature,
      ),
    ).toBe(false);
    expect(isValidWoocommerceSignature("another-secret-0123456789", BODY, signature)).toBe(false);
    expect(isValidWoocommerceSignature(SECRET, BODY, undefined)).toBe(false);
    expect(isValidWoocommerceSignature(SECRET, BODY, "not base64 at all")).toBe(false);
  });
});

describe("WooCommerce ping", () => {
  const form = { "content-type": "application/x-www-form-urlencoded" };

  it("is the unsigned form body webhook_id=<id>", () => {
    expect(isWoocommercePing(Buffer.from("webhook_id=14"), form)).toBe(true);
    expect(isWoocommercePing(Buffer.from("webhook_id=14"), {})).toBe(true);
  });

  it("is nothing else: a signed body, JSON, or another form", () => {
    const signed = { ...form, "x-wc-webhook-signature": "abc=" };
    expect(isWoocommercePing(Buffer.from("webhook_id=14"), signed)).toBe(false);
    expect(
      isWoocommercePing(Buffer.from("webhook_id=14"), { "content-type": "application/json" }),
    ).toBe(false);
    expect(isWoocommercePing(Buffer.from('{"webhook_id":14}'), form)).toBe(false);
    expect(isWoocommercePing(Buffer.from("webhook_id=14&status=cancelled"), form)).toBe(false);
  });
});
