import type { EventData } from "@waybill/contracts";
import type { HoldRecord, InvoiceRecord } from "../store/records.ts";
import { activeHolds, statusOf, type Change } from "./lifecycle.ts";

/** What every `billing.invoice.*` event tells of its invoice, so consumers never re-derive it. */
export type ToldState = Pick<
  EventData<"billing.invoice.held">,
  "status" | "activeHolds" | "revision"
>;

/**
 * How many changes the invoice has been through: every hold placed, every hold released, its issue
 * and its void count one each. Holds are never removed, a number never taken back and a void never
 * undone, so it only grows, by exactly one per change (a new kind of change must add to it too).
 */
export const revisionOf = (invoice: InvoiceRecord): number =>
  [...invoice.holds, ...invoice.collectionHolds].reduce(
    (sum, hold) => sum + (hold.releasedAt === null ? 1 : 2),
    0,
  ) +
  (invoice.number ? 1 : 0) +
  (invoice.status === "VOID" ? 1 : 0);

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

type HoldList = "holds" | "collectionHolds";

const listOf = (change: Change): HoldList | null =>
  change.kind === "held" || change.kind === "released"
    ? "holds"
    : change.kind === "collection_held" || change.kind === "collection_released"
      ? "collectionHolds"
      : null;

/**
 * The invoice as it stood right after each change of a transition, given the invoice at its end:
 * rewinds the transition's holds, releases, issue and void, then replays them one by one. One
 * transition can release a hold and issue the invoice, or release its holds and void it; each
 * event then tells its own step.
 */
export function afterEachChange(
  invoice: InvoiceRecord,
  changes: readonly Change[],
): InvoiceRecord[] {
  const touches = (list: HoldList, kinds: readonly Change["kind"][], hold: HoldRecord) =>
    changes.some(
      (change) =>
        listOf(change) === list &&
        kinds.includes(change.kind) &&
        "hold" in change &&
        sameHold(change.hold, hold),
    );
  const rewind = (list: HoldList): HoldRecord[] =>
    invoice[list]
      .filter((hold) => !touches(list, ["held", "collection_held"], hold))
      .map((hold) =>
        touches(list, ["released", "collection_released"], hold)
          ? { ...hold, releasedAt: null, releasedBy: null, comment: null }
          : hold,
      );
  const lists: Record<HoldList, HoldRecord[]> = {
    holds: rewind("holds"),
    collectionHolds: rewind("collectionHolds"),
  };
  const happens = (kind: Change["kind"]) => changes.some((change) => change.kind === kind);
  let number = happens("issue") ? null : invoice.number;
  let voided = happens("voided") ? false : invoice.status === "VOID";
  return changes.map((change) => {
    const list = listOf(change);
    if (list && "hold" in change) {
      const placed = change.kind === "held" || change.kind === "collection_held";
      lists[list] = placed
        ? [...lists[list], change.hold]
        : lists[list].map((hold) => (sameHold(hold, change.hold) ? change.hold : hold));
    } else if (change.kind === "issue") number = invoice.number;
    else voided = true;
    // statusOf keeps VOID and works out the rest from the holds and the number.
    const step: InvoiceRecord = { ...invoice, ...lists, number, status: voided ? "VOID" : "DRAFT" };
    return { ...step, status: statusOf(step) };
  });
}
