import type { EventData } from "@waybill/contracts";
import type { HoldRecord, InvoiceRecord } from "../store/records.ts";
import { activeHolds, statusOf, type Change } from "./lifecycle.ts";

/** What every `billing.invoice.*` event tells of its invoice, so consumers never re-derive it. */
export type ToldState = Pick<
  EventData<"billing.invoice.held">,
  "status" | "activeHolds" | "revision"
>;

/**
 * How many changes the invoice has been through: every hold placed, every hold released and its
 * issue count one each. Holds are never removed and a number never taken back, so it only grows,
 * by exactly one per change (a new kind of change must add to it too).
 */
export const revisionOf = (invoice: InvoiceRecord): number =>
  invoice.holds.length +
  invoice.holds.filter((hold) => hold.releasedAt !== null).length +
  (invoice.number ? 1 : 0);

/** The invoice's state as its events tell it. */
export const toldState = (invoice: InvoiceRecord): ToldState => ({
  status: statusOf(invoice),
  activeHolds: activeHolds(invoice).map(({ reason, detail, heldAt }) => ({
    reason,
    detail,
    heldAt: heldAt.toISOString(),
  })),
  revision: revisionOf(invoice),
});

const sameHold = (a: HoldRecord, b: HoldRecord) =>
  a.reason === b.reason && a.heldAt.getTime() === b.heldAt.getTime();

/**
 * The invoice as it stood right after each change of a transition, given the invoice at its end:
 * rewinds the transition's holds, releases and issue, then replays them one by one. One
 * transition can release a hold and issue the invoice; each event then tells its own step.
 */
export function afterEachChange(
  invoice: InvoiceRecord,
  changes: readonly Change[],
): InvoiceRecord[] {
  const placed = (hold: HoldRecord) =>
    changes.some((change) => change.kind === "held" && sameHold(change.hold, hold));
  const lifted = (hold: HoldRecord) =>
    changes.some((change) => change.kind === "released" && sameHold(change.hold, hold));
  let holds = invoice.holds
    .filter((hold) => !placed(hold))
    .map((hold) =>
      lifted(hold) ? { ...hold, releasedAt: null, releasedBy: null, comment: null } : hold,
    );
  let number = changes.some((change) => change.kind === "issue") ? null : invoice.number;
  return changes.map((change) => {
    if (change.kind === "held") holds = [...holds, change.hold];
    else if (change.kind === "released")
      holds = holds.map((hold) => (sameHold(hold, change.hold) ? change.hold : hold));
    else number = invoice.number;
    const step = { ...invoice, holds, number };
    return { ...step, status: statusOf(step) };
  });
}
