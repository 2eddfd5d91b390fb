import { describe, expect, it } from "vitest";
import type { Clock } from "../src/domain/clock.ts";
import { departureProblem } from "../src/domain/confirm.ts";
import { milestoneReport } from "../src/domain/milestone-report.ts";
import { applyMilestone } from "../src/domain/status-machine.ts";
import type { ShipmentStatus } from "../src/generated/resolvers.ts";
import type { MilestoneRecord, OrderProjection } from "../src/store/records.ts";

const now = new Date("2026-06-01T12:00:00Z");
const clock: Clock = { now, skewMs: 300_000 };
const at = (offsetSeconds: number) => new Date(now.getTime() + offsetSeconds * 1000);

const order: OrderProjection = {
  _id: "ord_1",
  customerId: "cus_1",
  currency: "EUR",
  lines: [{ lineId: "l1", sku: "MUG", quantity: 1, cancelled: 0 }],
  placedAt: at(-3600),
};

describe("reported instants", () => {
  it("refuse a milestone that occurs further ahead of the clock than the skew", () => {
    const input = { type: "DELIVERED" as const, occurredAt: at(365 * 86_400) };
    expect(milestoneReport(input, "m1", clock)).toMatchObject({
      field: "occurredAt",
      code: "INSTANT_IN_FUTURE",
    });
    expect(milestoneReport({ ...input, occurredAt: at(301) }, "m1", clock)).toMatchObject({
      code: "INSTANT_IN_FUTURE",
    });
    expect(milestoneReport({ ...input, occurredAt: at(299) }, "m1", clock)).toMatchObject({
      id: "m1",
      type: "DELIVERED",
    });
  });

  it("refuse a departure ahead of the clock or before the order was placed", () => {
    expect(departureProblem(order, at(365 * 86_400), clock)).toMatchObject({
      field: "shippedAt",
      code: "INSTANT_IN_FUTURE",
    });
    expect(departureProblem(order, at(-7200), clock)).toMatchObject({
      field: "shippedAt",
      code: "SHIPPED_BEFORE_ORDER",
    });
    expect(departureProblem(order, at(-60), clock)).toBeNull();
    expect(departureProblem({ ...order, placedAt: undefined }, at(-7200), clock)).toBeNull();
  });
});

describe("milestones in order of occurrence and receipt", () => {
  const milestone = (
    type: MilestoneRecord["type"],
    occurredAt: Date,
    recordedAt: Date,
  ): Omit<MilestoneRecord, "late"> => ({
    id: `${type}-${occurredAt.toISOString()}`,
    type,
    occurredAt,
    recordedAt,
    location: null,
    detail: null,
    signedBy: null,
    photoReference: null,
    reasonCode: null,
    deliveredQuantity: null,
  });

  it("do not let a clock a little ahead make the milestones recorded after it late", () => {
    let status: ShipmentStatus = "SHIPPED";
    const history: MilestoneRecord[] = [];
    // Stamped four minutes ahead (within the skew), recorded now.
    for (const incoming of [
      milestone("IN_TRANSIT", at(240), now),
      milestone("EXCEPTION", at(60), at(60)),
    ]) {
      const outcome = applyMilestone(status, history, incoming);
      if (outcome.kind !== "recorded") throw new Error("not recorded");
      history.push(outcome.milestone);
      status = outcome.status;
    }
    expect(history.map((m) => m.late)).toEqual([false, false]);
    expect(status).toBe("EXCEPTION");
  });

  it("still treat a milestone that happened before the newest one as late", () => {
    const first = applyMilestone("SHIPPED", [], milestone("OUT_FOR_DELIVERY", now, now));
    if (first.kind !== "recorded") throw new Error("not recorded");
    const late = applyMilestone(
      first.status,
      [first.milestone],
      milestone("IN_TRANSIT", at(-60), at(10)),
    );
    expect(late).toMatchObject({
      kind: "recorded",
      milestone: { late: true },
      status: "OUT_FOR_DELIVERY",
    });
  });
});
