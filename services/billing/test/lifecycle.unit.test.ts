import { describe, expect, it } from "vitest";
import { release, settle } from "../src/domain/lifecycle.ts";
import { onGraceExpired, onMilestone } from "../src/domain/milestones.ts";
import type { InvoiceRecord } from "../src/store/records.ts";
import { invoice, milestone } from "./invoices.ts";

const kinds = (changes: { kind: string }[]) => changes.map((change) => change.kind);

describe("invoice lifecycle", () => {
  it("issues ON_DELIVERY invoices on DELIVERED and not before", () => {
    const draft = invoice("ON_DELIVERY");
    expect(
      kinds(onMilestone(draft, milestone("IN_TRANSIT", "2026-01-02T00:00:00Z")).changes),
    ).toEqual([]);
    expect(
      kinds(onMilestone(draft, milestone("DELIVERED", "2026-01-03T00:00:00Z")).changes),
    ).toEqual(["issue"]);
  });

  it("holds a proof-of-delivery invoice after the grace period and releases it when the proof arrives", () => {
    const delivered = onMilestone(
      invoice("ON_PROOF_OF_DELIVERY"),
      milestone("DELIVERED", "2026-01-03T00:00:00Z"),
    );
    expect(delivered.changes).toEqual([]);
    const early = onGraceExpired(delivered.invoice, 3_600_000, new Date("2026-01-03T00:30:00Z"));
    expect(early.changes).toEqual([]);
    const held = onGraceExpired(delivered.invoice, 3_600_000, new Date("2026-01-03T02:00:00Z"));
    expect(held.invoice.status).toBe("ON_HOLD");
    expect(held.changes).toMatchObject([{ kind: "held", hold: { reason: "POD_MISSING" } }]);
    const proved = onMilestone(
      held.invoice,
      milestone("PROOF_OF_DELIVERY", "2026-01-04T00:00:00Z", { late: true }),
    );
    expect(kinds(proved.changes)).toEqual(["released", "issue"]);
    expect(proved.changes[0]).toMatchObject({ hold: { releasedBy: "AUTOMATIC" } });
    expect(proved.invoice.touched).toBe(false);
  });

  it("holds the collection of an issued invoice on a carrier exception, never the invoice; releases it when the shipment moves on; a late exception does not hold", () => {
    const shipped: InvoiceRecord = {
      ...invoice("ON_SHIPMENT"),
      number: "INV-2026-000001",
      status: "ISSUED",
      issuedAt: new Date("2026-01-01T12:00:00Z"),
    };
    const late = onMilestone(
      shipped,
      milestone("EXCEPTION", "2026-01-02T00:00:00Z", { late: true }),
    );
    expect(late.changes).toEqual([]);
    const held = onMilestone(
      shipped,
      milestone("EXCEPTION", "2026-01-02T00:00:00Z", { reasonCode: "DAMAGED" }),
    );
    expect(held.invoice.status).toBe("ISSUED");
    expect(held.invoice.holds).toEqual([]);
    expect(held.changes).toMatchObject([
      { kind: "collection_held", hold: { reason: "CARRIER_EXCEPTION" } },
    ]);
    expect(held.changes).toHaveLength(1);
    const moving = onMilestone(held.invoice, milestone("IN_TRANSIT", "2026-01-03T00:00:00Z"));
    expect(kinds(moving.changes)).toEqual(["collection_released"]);
    expect(moving.invoice.status).toBe("ISSUED");
    expect(moving.invoice.touched).toBe(false);
  });

  it("stamps holds and releases in causal order: never before the invoice was issued, nor a release before its hold", () => {
    const issuedAt = new Date("2026-01-05T00:00:00Z");
    const shipped: InvoiceRecord = {
      ...invoice("ON_SHIPMENT"),
      number: "INV-2026-000001",
      status: "ISSUED",
      issuedAt,
    };
    // The carrier says the exception happened before the issue.
    const held = onMilestone(shipped, milestone("EXCEPTION", "2026-01-02T00:00:00Z"));
    const hold = held.invoice.collectionHolds[0];
    expect(hold?.heldAt).toEqual(issuedAt);
    const released = release(held.invoice, "FINANCE", new Date("2026-01-03T00:00:00Z"));
    expect(released.invoice.collectionHolds[0]?.releasedAt).toEqual(issuedAt);
    // Finance releasing a collection hold does not make the issue any less touchless.
    expect(released.invoice.touched).toBe(false);
  });

  it("holds on a delivered quantity that differs from the shipped one; finance release issues and marks it touched", () => {
    const held = onMilestone(
      invoice("ON_DELIVERY"),
      milestone("DELIVERED", "2026-01-03T00:00:00Z", { deliveredQuantity: 2 }),
    );
    expect(held.changes).toMatchObject([{ kind: "held", hold: { reason: "QUANTITY_MISMATCH" } }]);
    const released = settle(
      release(held.invoice, "FINANCE", new Date(), { comment: "customer confirmed 3" }),
    );
    expect(kinds(released.changes)).toEqual(["released", "issue"]);
    expect(released.invoice.touched).toBe(true);
  });

  it("lets finance accept a delivery without proof", () => {
    const delivered = onMilestone(
      invoice("ON_PROOF_OF_DELIVERY"),
      milestone("DELIVERED", "2026-01-03T00:00:00Z"),
    );
    const held = onGraceExpired(delivered.invoice, 1, new Date("2026-01-05T00:00:00Z"));
    const released = settle(
      release(held.invoice, "FINANCE", new Date(), { reason: "POD_MISSING" }),
    );
    expect(kinds(released.changes)).toEqual(["released", "issue"]);
    expect(released.invoice.delivery.proofWaived).toBe(true);
  });
});
