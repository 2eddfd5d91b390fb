import { createHmac, timingSafeEqual } from "node:crypto";

/** `X-WC-Webhook-Signature`: base64 of HMAC-SHA256 over the raw body bytes under the secret. */
export function woocommerceSignature(secret: string, body: Buffer): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

/** Compares in constant time; a missing or malformed header is simply not valid. */
export function isValidWoocommerceSignature(
  secret: string,
  body: Buffer,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(woocommerceSignature(secret, body), "base64");
  const given = Buffer.from(signature.trim(), "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The ping WooCommerce sends when a webhook is saved (`WC_Webhook::deliver_ping`): the form body
 * `webhook_id=<id>`, unsigned. It only checks that the URL answers 2xx.
 */
export function isWoocommercePing(body: Buffer, headers: Readonly<Record<string, string>>) {
  const type = headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  return (
    headers["x-wc-webhook-signature"] === undefined &&
    (type === undefined || type === "application/x-www-form-urlencoded") &&
    /^webhook_id=\d{1,20}$/.test(body.toString("utf8").trim())
  );
}
