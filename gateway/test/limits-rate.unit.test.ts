import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../src/limits/index.ts";

describe("rate limiter", () => {
  it("allows `requests` per window for a key, then refuses with the seconds to wait", async () => {
    const limiter = createRateLimiter({ requests: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i++)
      expect(await limiter.consume("client-a")).toEqual({ allowed: true });
    const refused = await limiter.consume("client-a");
    if (refused.allowed) throw new Error("the fourth request in the window was allowed");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts each key on its own", async () => {
    const limiter = createRateLimiter({ requests: 1, windowSeconds: 60 });
    expect(await limiter.consume("client-a")).toEqual({ allowed: true });
    expect((await limiter.consume("client-a")).allowed).toBe(false);
    expect(await limiter.consume("client-b")).toEqual({ allowed: true });
  });

  it("allows everything when requests is 0", async () => {
    const limiter = createRateLimiter({ requests: 0, windowSeconds: 60 });
    for (let i = 0; i < 100; i++)
      expect(await limiter.consume("client-a")).toEqual({ allowed: true });
  });

  it("refuses options that are not whole numbers in range", () => {
    expect(() => createRateLimiter({ requests: -1, windowSeconds: 60 })).toThrow(RangeError);
    expect(() => createRateLimiter({ requests: 10, windowSeconds: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ requests: 1.5, windowSeconds: 60 })).toThrow(RangeError);
  });
});
