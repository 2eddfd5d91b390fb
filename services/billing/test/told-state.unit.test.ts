import { describe, expect, it } from "vitest";
import { release, settle, statusOf } from "../src/domain/lifecycle.ts";
import { onGraceExpired, onMilestone } from "../src/domain/milestones.ts";
import { afterEachChange, revisionOf, toldState } from "../src/domain/told-state.ts";
import type { InvoiceRecord } from "../src/store/records.ts";
import { invoice, milestone } from "./invoices.ts";

/** The transition's invoice as `commit` saves it: numbered when it is issued. */
function numbered(end: InvoiceRecord, issued: boolean): InvoiceRecord {
  if (!issued) return end;
  const withNumber = { ...end, number: "INV-2026-000001" };
  return { ...withNumber, status: statusOf(withNumber) };
}

describe("the invoice state billing's events tell", () => {
  it("tells each change's own step when one transition releases a hold and issues", () => {
    const delivered = onMilestone(
      invoice("ON_PROOF_OF_DELIVERY"),
      milestone("DELIVERED", "2026-01-03T00:00:00Z"),
    );
    const held = onGraceExpired(delivered.invoice, 1, new Date("2026-01-05T00:00:00Z"));
    expect(toldState(held.invoice)).toEqual({
      status: "ON_HOLD",
      activeHolds: [
        {
          reason: "POD_MISSING",
          detail: "delivered 2026-01-03T00:00:00.000Z without proof of delivery",
          heldAt: "2026-01-05T00:00:00.000Z",
        },
      ],
      revision: 1,
    });
    const proved = onMilestone(
      held.invoice,
      milestone("PROOF_OF_DELIVERY", "2026-01-05T01:00:00Z"),
    );
    expect(proved.changes.map((change) => change.kind)).toEqual(["released", "issue"]);
    const steps = afterEachChange(numbered(proved.invoice, true), proved.changes).map(toldState);
    expect(steps).toEqual([
      { status: "DRAFT", activeHolds: [], revision: 2 },
      { status: "ISSUED", activeHolds: [], revision: 3 },
    ]);
  });

  it("tells a hold placed while another stays in force, oldest first", () => {
    const exception = onMilestone(
      invoice("ON_DELIVERY"),
      milestone("EXCEPTION", "2026-01-02T00:00:00Z", { reasonCode: "DAMAGED" }),
    );
    const mismatch = onMilestone(
      exception.invoice,
      milestone("DELIVERED", "2026-01-03T00:00:00Z", { deliveredQuantity: 2, revision: 2 }),
    );
    // The delivery moves the shipment on (releasing the exception) and holds the quantity.
    expect(mismatch.changes.map((change) => change.kind)).toEqual(["held", "released"]);
    const steps = afterEachChange(mismatch.invoice, mismatch.changes).map(toldState);
    expect(
      steps.map((step) => [step.status, step.activeHolds.map((h) => h.reason), step.revision]),
    ).toEqual([
      ["ON_HOLD", ["CARRIER_EXCEPTION", "QUANTITY_MISMATCH"], 2],
      ["ON_HOLD", ["QUANTITY_MISMATCH"], 3],
    ]);
  });

  it("grows the revision by one per change, whatever the transitions", () => {
    let current = invoice("ON_DELIVERY");
    let told = revisionOf(current);
    const transitions = [
      (i: InvoiceRecord) => onMilestone(i, milestone("EXCEPTION", "2026-01-02T00:00:00Z")),
      (i: InvoiceRecord) =>
        onMilestone(i, milestone("DELIVERED", "2026-01-03T00:00:00Z", { deliveredQuantity: 1 })),
      (i: InvoiceRecord) => settle(release(i, "FINANCE", new Date("2026-01-04T00:00:00Z"))),
    ];
    for (const next of transitions) {
      const transition = next(current);
      const end = numbered(
        transition.invoice,
        transition.changes.some((change) => change.kind === "issue"),
      );
      const revisions = afterEachChange(end, transition.changes).map(revisionOf);
      expect(revisions).toEqual(transition.changes.map((_, index) => told + index + 1));
      expect(revisionOf(end)).toBe(told + transition.changes.length);
      told = revisionOf(end);
      current = end;
    }
    expect(toldState(current)).toMatchObject({ status: "ISSUED", activeHolds: [] });
  });
});
