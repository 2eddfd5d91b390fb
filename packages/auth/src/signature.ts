import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Headers the gateway adds to every call to a subgraph; the gateway strips them from clients. */
export const INTERNAL_HEADERS = {
  principal: "x-waybill-principal",
  timestamp: "x-waybill-timestamp",
  signature: "x-waybill-signature",
} as const;

/** How long a signed request stays valid, and how far ahead of our clock it may be stamped. */
export const SIGNATURE_MAX_AGE_MS = 30_000;
const MAX_CLOCK_SKEW_MS = 5_000;
const VERSION = "v1";

/** What a signature covers: the method, the path with its query, the time, the body and the principal. */
export type SignedParts = {
  method: string;
  path: string;
  body: Uint8Array | string;
  /** The encoded principal header, or "" when the call carries none (a relayed webhook). */
  principal: string;
};

function mac(key: Buffer, parts: SignedParts, timestamp: string): Buffer {
  const bodyHash = createHash("sha256").update(parts.body).digest("hex");
  return createHmac("sha256", key)
    .update(
      [parts.method.toUpperCase(), parts.path, timestamp, bodyHash, parts.principal].join("\n"),
    )
    .digest();
}

/** The internal headers for one call: timestamp and `v1=<hex HMAC-SHA256>`, plus the principal. */
export function signRequest(
  key: Buffer,
  parts: SignedParts,
  now: number = Date.now(),
): Record<string, string> {
  const timestamp = String(now);
  return {
    [INTERNAL_HEADERS.timestamp]: timestamp,
    [INTERNAL_HEADERS.signature]: `${VERSION}=${mac(key, parts, timestamp).toString("hex")}`,
    ...(parts.principal ? { [INTERNAL_HEADERS.principal]: parts.principal } : {}),
  };
}

export type SignatureCheck =
  { valid: true } | { valid: false; reason: "missing" | "malformed" | "expired" | "mismatch" };

/** Checks a call's signature in constant time; expired and future-dated stamps are refused. */
export function verifyRequest(
  key: Buffer,
  parts: SignedParts,
  headers: { timestamp: string | undefined; signature: string | undefined },
  now: number = Date.now(),
): SignatureCheck {
  if (!headers.timestamp || !headers.signature) return { valid: false, reason: "missing" };
  if (!/^\d{1,15}$/.test(headers.timestamp)) return { valid: false, reason: "malformed" };
  const [version, hex] = headers.signature.split("=", 2);
  if (version !== VERSION || !hex || !/^[0-9a-f]{64}$/.test(hex))
    return { valid: false, reason: "malformed" };
  const age = now - Number(headers.timestamp);
  if (age > SIGNATURE_MAX_AGE_MS || age < -MAX_CLOCK_SKEW_MS)
    return { valid: false, reason: "expired" };
  const expected = mac(key, parts, headers.timestamp);
  return timingSafeEqual(expected, Buffer.from(hex, "hex"))
    ? { valid: true }
    : { valid: false, reason: "mismatch" };
}
