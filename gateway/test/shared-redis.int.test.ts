import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { createLogger } from "@waybill/observability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revocations } from "../src/auth/revocations.ts";
import { createRateLimiter } from "../src/limits/index.ts";
import { connectRedis } from "../src/shared/redis.ts";

// What gateways share through Redis, on the machine's Redis (REDIS_URL, or 127.0.0.1:6379):
// each "gateway" here has its own connection, as separate processes would.
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const logger = createLogger("test", "silent");

async function reachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await probe.connect();
    await probe.quit();
    return true;
  } catch {
    probe.disconnect();
    return false;
  }
}

const available = await reachable();
if (!available) console.warn(`skipped: no Redis answers at ${REDIS_URL}`);

describe.skipIf(!available)("gateways sharing Redis", () => {
  const open: Redis[] = [];
  const gateway = async () => {
    const redis = await connectRedis(REDIS_URL, 2_000, logger);
    open.push(redis);
    return redis;
  };

  afterAll(() => {
    for (const redis of open) redis.disconnect();
  });

  it("draws every gateway's requests from one budget per client", async () => {
    const [first, second] = [await gateway(), await gateway()];
    const options = { requests: 3, windowSeconds: 60 };
    const limiters = [
      createRateLimiter({ ...options, redis: first }),
      createRateLimiter({ ...options, redis: second }),
    ];
    const client = `principal:${randomUUID()}`;
    const answers = [];
    for (let index = 0; index < 5; index += 1)
      answers.push((await limiters[index % 2]?.consume(client))?.allowed);
    expect(answers).toEqual([true, true, true, false, false]);
    // Another client has its own budget at either gateway.
    expect(await limiters[1]?.consume(`principal:${randomUUID()}`)).toEqual({ allowed: true });
  });

  it("keeps limiting in the gateway's own memory while Redis is away", async () => {
    const redis = await gateway();
    const limiter = createRateLimiter({ requests: 2, windowSeconds: 60, redis });
    redis.disconnect();
    const client = `principal:${randomUUID()}`;
    const answers = [];
    for (let index = 0; index < 3; index += 1)
      answers.push((await limiter.consume(client)).allowed);
    expect(answers).toEqual([true, true, false]);
  });

  describe("revocations", () => {
    let here: Awaited<ReturnType<typeof revocations>>;
    let there: Awaited<ReturnType<typeof revocations>>;

    beforeAll(async () => {
      here = await revocations(await gateway(), logger);
      there = await revocations(await gateway(), logger);
    });

    afterAll(async () => {
      await here.close();
      await there.close();
    });

    it("are heard at every gateway, the announcing one included", async () => {
      const keyId = randomUUID().slice(0, 16);
      const heard = (at: typeof here) =>
        new Promise<string>((resolve) => {
          const stop = at.onRevoked((id) => {
            if (id !== keyId) return;
            stop();
            resolve(id);
          });
        });
      const [atHere, atThere] = [heard(here), heard(there)];
      await here.announce(keyId);
      expect(await Promise.all([atHere, atThere])).toEqual([keyId, keyId]);
    });
  });
});
