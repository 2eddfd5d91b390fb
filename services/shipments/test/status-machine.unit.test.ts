import { describe, expect, it } from "vitest";
import { applyMilestone, deliveredAt } from "../src/domain/status-machine.ts";
import type { ShipmentStatus } from "../src/generated/resolvers.ts";
import type { MilestoneRecord } from "../src/store/records.ts";

function milestone(type: MilestoneRecord["type"], at: string): Omit<MilestoneRecord, "late"> {
  return {
    id: `${type}-${at}`,
    type,
    occurredAt: new Date(at),
    recordedAt: new Date(),
    location: null,
    detail: null,
    signedBy: null,
    photoReference: null,
    reasonCode: null,
    deliveredQuantity: null,
  };
}

function run(events: Omit<MilestoneRecord, "late">[]) {
  let status: ShipmentStatus = "SHIPPED";
  const history: MilestoneRecord[] = [];
  for (const event of events) {
    const outcome = applyMilestone(status, history, event);
    if (outcome.kind === "recorded") {
      history.push(outcome.milestone);
      status = outcome.status;
    }
  }
  return { status, history };
}

describe("shipment status machine", () => {
  it("moves forward through the happy path", () => {
    const { status } = run([
      milestone("PICKED_UP", "2026-01-01T08:00:00Z"),
      milestone("OUT_FOR_DELIVERY", "2026-01-02T08:00:00Z"),
      milestone("DELIVERED", "2026-01-02T12:00:00Z"),
    ]);
    expect(status).toBe("DELIVERED");
  });

  it("ignores a duplicate and keeps a late milestone without moving back", () => {
    const delivered = milestone("DELIVERED", "2026-01-02T12:00:00Z");
    const { status, history } = run([
      delivered,
      delivered,
      milestone("IN_TRANSIT", "2026-01-01T10:00:00Z"),
    ]);
    expect(status).toBe("DELIVERED");
    expect(history.map((m) => [m.type, m.late])).toEqual([
      ["DELIVERED", false],
      ["IN_TRANSIT", true],
    ]);
  });

  it("never leaves a final status", () => {
    const { status } = run([
      milestone("RETURNED_TO_SENDER", "2026-01-02T12:00:00Z"),
      milestone("DELIVERED", "2026-01-03T12:00:00Z"),
    ]);
    expect(status).toBe("RETURNED_TO_SENDER");
  });

  it("recovers from an exception", () => {
    const { status } = run([
      milestone("EXCEPTION", "2026-01-01T12:00:00Z"),
      milestone("DELIVERED", "2026-01-02T12:00:00Z"),
    ]);
    expect(status).toBe("DELIVERED");
  });

  it("tells the first delivery, proof or plain, even one reported late", () => {
    expect(deliveredAt(run([milestone("IN_TRANSIT", "2026-01-01T08:00:00Z")]).history)).toBeNull();
    const { history } = run([
      milestone("EXCEPTION", "2026-01-02T12:00:00Z"),
      milestone("PROOF_OF_DELIVERY", "2026-01-03T09:00:00Z"),
      milestone("DELIVERED", "2026-01-02T10:00:00Z"),
    ]);
    expect(history.at(-1)?.late).toBe(true);
    expect(deliveredAt(history)).toEqual(new Date("2026-01-02T10:00:00Z"));
  });
});
