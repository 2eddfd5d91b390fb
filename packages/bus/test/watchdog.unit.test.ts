import { describe, expect, it } from "vitest";
import { isStalled } from "../src/watchdog.ts";

const now = new Date("2026-01-01T00:10:00Z");
const base = { pending: 5, progressNow: 7, progressBefore: 7, now, expiresMs: 10_000 };

describe("consumer watchdog", () => {
  it("calls a consumer stalled when messages wait, nothing moved and it has not pulled for two periods", () => {
    expect(isStalled({ ...base, lastPullAt: new Date(now.getTime() - 25_000) })).toBe(true);
    expect(isStalled({ ...base, lastPullAt: null })).toBe(true);
  });

  it("leaves alone a consumer with nothing pending, one making progress, or one that pulled recently", () => {
    const old = new Date(now.getTime() - 60_000);
    expect(isStalled({ ...base, pending: 0, lastPullAt: old })).toBe(false);
    expect(isStalled({ ...base, progressNow: 8, lastPullAt: old })).toBe(false);
    expect(isStalled({ ...base, lastPullAt: new Date(now.getTime() - 15_000) })).toBe(false);
  });
});
