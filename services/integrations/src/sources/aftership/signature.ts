import { createHmac, timingSafeEqual } from "node:crypto";

/** AfterShip's `aftership-hmac-sha256`: base64 of HMAC-SHA256 over the raw body bytes. */
export function afterShipSignature(secret: string, body: Buffer): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

/** Compares in constant time; a missing or malformed header is simply not valid. */
export function isValidAfterShipSignature(
  secret: string,
  body: Buffer,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(afterShipSignature(secret, body), "base64");
  const given = Buffer.from(signature.trim(), "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
