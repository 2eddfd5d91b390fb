import { describe, expect, it } from "vitest";
import { outboundConfig, STANDARD_SCHEDULE } from "../src/outbound/config.ts";
import { nextAttemptAt, retryAfterSeconds } from "../src/outbound/schedule.ts";

const now = new Date("2026-01-01T00:00:00Z");
const after = (at: Date | null) => (at ? (at.getTime() - now.getTime()) / 1000 : null);
const middle = () => 0.5;

describe("the retry schedule", () => {
  it("is Standard Webhooks' by default: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h", () => {
    const { schedule } = outboundConfig({});
    expect(schedule).toEqual([0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400]);
    expect(STANDARD_SCHEDULE.split(",")).toHaveLength(10);
    const waits = schedule.map((_, attempts) =>
      after(nextAttemptAt(schedule, attempts, now, undefined, middle)),
    );
    expect(waits).toEqual(schedule);
  });

  it("ends when the schedule is spent", () => {
    expect(nextAttemptAt([0, 5], 2, now, undefined)).toBeNull();
  });

  it("spreads each wait by at most 10 % either way", () => {
    expect(after(nextAttemptAt([0, 100], 1, now, undefined, () => 0))).toBe(90);
    expect(after(nextAttemptAt([0, 100], 1, now, undefined, () => 0.999999))).toBeCloseTo(110, 0);
  });

  it("waits at least what Retry-After asks, up to a day", () => {
    expect(after(nextAttemptAt([0, 5, 300], 1, now, 120, middle))).toBe(120);
    expect(after(nextAttemptAt([0, 5, 300], 1, now, 2, middle))).toBe(5);
    expect(after(nextAttemptAt([0, 5, 300], 1, now, 100_000, middle))).toBe(86_400);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(retryAfterSeconds("120", now)).toBe(120);
    expect(retryAfterSeconds("Thu, 01 Jan 2026 00:01:00 GMT", now)).toBe(60);
    expect(retryAfterSeconds("soon", now)).toBeUndefined();
    expect(retryAfterSeconds(undefined, now)).toBeUndefined();
  });

  it("is configurable, and a bad setting names its variable", () => {
    expect(outboundConfig({ WEBHOOK_RETRY_SCHEDULE: "0, 0.1,0.2" }).schedule).toEqual([
      0, 0.1, 0.2,
    ]);
    expect(() => outboundConfig({ WEBHOOK_RETRY_SCHEDULE: "0,soon" })).toThrow(
      /WEBHOOK_RETRY_SCHEDULE/,
    );
    expect(() => outboundConfig({ WEBHOOK_ALLOWED_NETWORKS: "10.0.0.0/99" })).toThrow(
      /WEBHOOK_ALLOWED_NETWORKS/,
    );
    expect(() => outboundConfig({ WEBHOOK_TIMEOUT_SECONDS: "0" })).toThrow(
      /WEBHOOK_TIMEOUT_SECONDS/,
    );
  });
});
