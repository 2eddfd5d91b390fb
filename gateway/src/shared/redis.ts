import { Redis } from "ioredis";
import type { Logger } from "@waybill/observability";

/** No Redis answered at `REDIS_URL` within the start-up time. */
export class RedisUnreachableError extends Error {
  constructor(url: string, timeoutMs: number, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`cannot reach Redis at ${redacted(url)} within ${timeoutMs / 1000} s (${why})`, {
      cause,
    });
    this.name = "RedisUnreachableError";
  }
}

/** The URL without its password, for messages and logs. */
const redacted = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");

/**
 * The Redis the gateways share state through (rate-limit counters, revocations). It must answer
 * at start-up; afterwards ioredis reconnects on its own, and commands fail at once while it is
 * away (no offline queue) so that the callers' fallbacks answer instead of waiting.
 */
export async function connectRedis(url: string, timeoutMs: number, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectionName: "waybill-gateway",
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: timeoutMs,
    retryStrategy: (times) => Math.min(2_000, 100 * times),
  });
  let down = false;
  redis.on("error", (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: error }, "Redis unreachable; gateways count rate limits on their own");
  });
  redis.on("ready", () => {
    if (down) logger.info("Redis reachable again");
    down = false;
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new RedisUnreachableError(url, timeoutMs, error);
  }
  return redis;
}
