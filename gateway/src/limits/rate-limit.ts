import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** The outcome of one request against a client's budget. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts requests per key (a client, an API key, an address) in fixed windows. */
export type RateLimiter = { consume(key: string): Promise<RateDecision> };

/**
 * A limiter allowing `requests` per `windowSeconds` for each key, kept in this process's memory;
 * `requests: 0` allows everything.
 */
export function createRateLimiter(options: {
  requests: number;
  windowSeconds: number;
}): RateLimiter {
  if (!Number.isInteger(options.requests) || options.requests < 0) {
    throw new RangeError(`requests must be a whole number ≥ 0, got ${options.requests}`);
  }
  if (!Number.isInteger(options.windowSeconds) || options.windowSeconds < 1) {
    throw new RangeError(`windowSeconds must be a whole number ≥ 1, got ${options.windowSeconds}`);
  }
  if (options.requests === 0) return { consume: () => Promise.resolve({ allowed: true }) };
  const limiter = new RateLimiterMemory({
    points: options.requests,
    duration: options.windowSeconds,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (refusal) {
        // The memory store rejects only with the key's state once its budget is spent.
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
        };
      }
    },
  };
}
