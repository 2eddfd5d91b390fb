import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

/** The outcome of one request against a client's budget. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts requests per key (a client, an API key, an address) in fixed windows. */
export type RateLimiter = { consume(key: string): Promise<RateDecision> };

/** Where the rate limiter keeps its counters in Redis. */
export const RATE_LIMIT_PREFIX = "waybill:rate";

/**
 * A limiter allowing `requests` per `windowSeconds` for each key; `requests: 0` allows everything.
 * Counters live in this process's memory, or in Redis when one is given, so that every gateway
 * behind a load balancer draws on the same budget. While Redis cannot be reached each gateway
 * counts in its own memory (rate-limiter-flexible's insurance limiter): a client may then get up
 * to one budget per gateway, but no request is refused or let through for Redis being down.
 */
export function createRateLimiter(options: {
  requests: number;
  windowSeconds: number;
  redis?: Redis | undefined;
}): RateLimiter {
  if (!Number.isInteger(options.requests) || options.requests < 0) {
    throw new RangeError(`requests must be a whole number ≥ 0, got ${options.requests}`);
  }
  if (!Number.isInteger(options.windowSeconds) || options.windowSeconds < 1) {
    throw new RangeError(`windowSeconds must be a whole number ≥ 1, got ${options.windowSeconds}`);
  }
  if (options.requests === 0) return { consume: () => Promise.resolve({ allowed: true }) };
  const budget = { points: options.requests, duration: options.windowSeconds };
  const memory = new RateLimiterMemory(budget);
  const limiter = options.redis
    ? new RateLimiterRedis({
        ...budget,
        storeClient: options.redis,
        keyPrefix: RATE_LIMIT_PREFIX,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (refusal) {
        // Both stores reject with the key's state once its budget is spent; the insurance limiter
        // answers for Redis when it fails, so anything else is a fault of ours.
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
        };
      }
    },
  };
}
