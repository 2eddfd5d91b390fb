import { z } from "zod";

/** How long the gateway keeps the answer to an idempotency key. */
export const idempotencyEnv = {
  /** Seconds a key's first answer is replayed (and the key refused for other requests). */
  IDEMPOTENCY_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 86_400, "must be at most 30 days (2592000)")
    .default(86_400),
};
