import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "hmac-sha256-hex=";

/**
 * EasyPost's `X-Hmac-Signature`: `hmac-sha256-hex=` and the hex HMAC-SHA256 of the raw body under
 * the webhook secret, NFKD-normalised first, as EasyPost's client libraries' `validate_webhook`
 * computes it (https://docs.easypost.com/guides/webhooks-guide).
 */
export function easyPostSignature(secret: string, body: Buffer): string {
  const key = Buffer.from(secret.normalize("NFKD"), "utf8");
  return PREFIX + createHmac("sha256", key).update(body).digest("hex");
}

/** Compares in constant time; a missing or malformed header is simply not valid. */
export function isValidEasyPostSignature(
  secret: string,
  body: Buffer,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(easyPostSignature(secret, body), "utf8");
  const given = Buffer.from(signature.trim().toLowerCase(), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
