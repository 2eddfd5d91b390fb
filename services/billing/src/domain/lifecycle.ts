import type { HoldReason, InvoiceStatus } from "../generated/resolvers.ts";
import type { HoldRecord, InvoiceRecord } from "../store/records.ts";

/**
 * What happened to an invoice, for the caller to persist and announce. Before issue, a hold holds
 * the invoice; once issued, the invoice stays ISSUED and a hold holds its collection instead.
 */
export type Change =
  | { kind: "held"; hold: HoldRecord }
  | { kind: "released"; hold: HoldRecord }
  | { kind: "collection_held"; hold: HoldRecord }
  | { kind: "collection_released"; hold: HoldRecord }
  | { kind: "issue" }
  | { kind: "voided"; at: Date };

export type Transition = { invoice: InvoiceRecord; changes: Change[] };

export const isIssued = (invoice: InvoiceRecord) => invoice.number !== null;

/** The holds in force on the invoice itself (before issue). */
export const activeHolds = (invoice: InvoiceRecord) =>
  invoice.holds.filter((hold) => !hold.releasedAt);

/** The holds in force on an issued invoice's collection. */
export const activeCollectionHolds = (invoice: InvoiceRecord) =>
  invoice.collectionHolds.filter((hold) => !hold.releasedAt);

/** The holds in force at the invoice's stage: its own before issue, its collection's after. */
export const holdsInForce = (invoice: InvoiceRecord) =>
  isIssued(invoice) ? activeCollectionHolds(invoice) : activeHolds(invoice);

/**
 * Status follows from the facts: a voided invoice is VOID; an issued one stays ISSUED (only a
 * credit note or a void changes that); before issue, an active hold makes it ON_HOLD.
 */
export function statusOf(invoice: InvoiceRecord): InvoiceStatus {
  if (invoice.status === "VOID") return "VOID";
  if (isIssued(invoice)) return "ISSUED";
  return activeHolds(invoice).length ? "ON_HOLD" : "DRAFT";
}

/** The later of two instants: stamps that must not come before an earlier one of the invoice. */
export const later = (a: Date, b: Date | null) => (b && b > a ? b : a);

/** Whether the customer's billing policy lets the invoice be issued now. */
export function policyMet(invoice: InvoiceRecord): boolean {
  const { delivery } = invoice;
  switch (invoice.policy) {
    case "ON_SHIPMENT":
      return true;
    case "ON_DELIVERY":
      return delivery.deliveredAt !== null || delivery.proofAt !== null;
    case "ON_PROOF_OF_DELIVERY":
      return delivery.proofAt !== null || (delivery.proofWaived && delivery.deliveredAt !== null);
  }
}

/**
 * Holds the invoice, or once issued its collection, for a reason, unless that reason already
 * holds it. The hold is stamped no earlier than the invoice's creation or issue, so that every
 * timestamp of an invoice follows the one before it.
 */
export function hold(
  invoice: InvoiceRecord,
  reason: HoldReason,
  detail: string,
  at: Date,
): Transition {
  if (holdsInForce(invoice).some((existing) => existing.reason === reason))
    return { invoice, changes: [] };
  const record: HoldRecord = {
    reason,
    detail,
    heldAt: later(later(at, invoice.createdAt), invoice.issuedAt),
    releasedAt: null,
    releasedBy: null,
    comment: null,
  };
  if (isIssued(invoice))
    return {
      invoice: { ...invoice, collectionHolds: [...invoice.collectionHolds, record] },
      changes: [{ kind: "collection_held", hold: record }],
    };
  return {
    invoice: { ...invoice, holds: [...invoice.holds, record] },
    changes: [{ kind: "held", hold: record }],
  };
}

/**
 * Releases the holds in force at the invoice's stage (all, or those of one reason), each stamped
 * no earlier than it was placed; a release by finance marks the invoice touched.
 */
export function release(
  invoice: InvoiceRecord,
  by: "FINANCE" | "AUTOMATIC",
  at: Date,
  options: { reason?: HoldReason | null; comment?: string | null } = {},
): Transition {
  const collection = isIssued(invoice);
  const changes: Change[] = [];
  const kind = collection ? "collection_released" : "released";
  const releaseIn = (holds: HoldRecord[]) =>
    holds.map((existing) => {
      if (existing.releasedAt || (options.reason && existing.reason !== options.reason))
        return existing;
      const released = {
        ...existing,
        releasedAt: later(at, existing.heldAt),
        releasedBy: by,
        comment: options.comment ?? null,
      };
      changes.push({ kind, hold: released });
      return released;
    });
  const next = collection
    ? { ...invoice, collectionHolds: releaseIn(invoice.collectionHolds) }
    : { ...invoice, holds: releaseIn(invoice.holds) };
  if (!changes.length) return { invoice, changes };
  const waived =
    by === "FINANCE" &&
    changes.some((change) => change.kind === "released" && change.hold.reason === "POD_MISSING");
  const delivery = waived ? { ...invoice.delivery, proofWaived: true } : invoice.delivery;
  return {
    // Touchless speaks of how an invoice was issued: releasing its collection later changes nothing.
    invoice: { ...next, delivery, touched: invoice.touched || (by === "FINANCE" && !collection) },
    changes,
  };
}

/**
 * Whether nothing more happens to the invoice's shipment: it was voided, or the invoice was voided
 * before issue (every unit returned first). Milestones and charges then change nothing on it.
 */
export const isVoided = (invoice: InvoiceRecord): boolean =>
  invoice.status === "VOID" || Boolean(invoice.voidedAt);

/**
 * Voids an invoice before its issue: its holds end (released automatically, each told) and it is
 * VOID for good, never numbered. An issued invoice is never voided: a credit note takes it back.
 */
export function voidBeforeIssue(invoice: InvoiceRecord, at: Date, why: string): Transition {
  if (isIssued(invoice))
    throw new RangeError(`invoice ${invoice._id} is issued: credit it instead`);
  if (invoice.status === "VOID") return unchanged(invoice);
  const released = release(invoice, "AUTOMATIC", at, { comment: why });
  return {
    invoice: { ...released.invoice, status: "VOID" },
    changes: [...released.changes, { kind: "voided", at: later(at, invoice.createdAt) }],
  };
}

/** An invoice and no changes yet. */
export const unchanged = (invoice: InvoiceRecord): Transition => ({ invoice, changes: [] });

/**
 * Ends a transition: recomputes the status and adds one "issue" change when the policy is met,
 * nothing holds the invoice and it has no number yet.
 */
export function settle({ invoice, changes }: Transition): Transition {
  const ready =
    !invoice.number &&
    invoice.status !== "VOID" &&
    !activeHolds(invoice).length &&
    policyMet(invoice);
  return {
    invoice: { ...invoice, status: statusOf(invoice) },
    changes: ready ? [...changes, { kind: "issue" }] : changes,
  };
}

/** Chains transitions, collecting their changes. */
export function andThen(
  first: Transition,
  next: (invoice: InvoiceRecord) => Transition,
): Transition {
  const second = next(first.invoice);
  return { invoice: second.invoice, changes: [...first.changes, ...second.changes] };
}
