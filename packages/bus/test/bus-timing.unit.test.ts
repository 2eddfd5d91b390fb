import { describe, expect, it } from "vitest";
import { RetryLaterError } from "../src/errors.ts";
import { retryDelay } from "../src/timing.ts";

describe("bus: redelivery delays", () => {
  const schedule = [1_000, 5_000, 15_000];

  it("follows the schedule for a failure, the last step repeating", () => {
    const error = new Error("database hiccup");
    expect([1, 2, 3, 4].map((n) => retryDelay(schedule, n, error))).toEqual([
      1_000, 5_000, 15_000, 15_000,
    ]);
  });

  it("retries an event that cannot be applied yet after 50 ms first, then along the schedule", () => {
    const error = new RetryLaterError("order not known yet");
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(schedule, n, error))).toEqual([
      50, 1_000, 5_000, 15_000, 15_000,
    ]);
    expect(retryDelay([20], 1, error)).toBe(20);
  });
});
