import type { HoldReason, InvoiceStatus } from "../generated/resolvers.ts";
import type { HoldRecord, InvoiceRecord } from "../store/records.ts";

/** What happened to an invoice, for the caller to persist and announce. */
export type Change =
  { kind: "held"; hold: HoldRecord } | { kind: "released"; hold: HoldRecord } | { kind: "issue" };

export type Transition = { invoice: InvoiceRecord; changes: Change[] };

export const activeHolds = (invoice: InvoiceRecord) =>
  invoice.holds.filter((hold) => !hold.releasedAt);

/** Status follows from the facts: a voided invoice is VOID, an active hold wins over issue. */
export function statusOf(invoice: InvoiceRecord): InvoiceStatus {
  if (invoice.status === "VOID") return "VOID";
  if (activeHolds(invoice).length) return "ON_HOLD";
  return invoice.number ? "ISSUED" : "DRAFT";
}

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

/** Holds the invoice for a reason, unless that reason already holds it. */
export function hold(
  invoice: InvoiceRecord,
  reason: HoldReason,
  detail: string,
  at: Date,
): Transition {
  if (activeHolds(invoice).some((existing) => existing.reason === reason))
    return { invoice, changes: [] };
  const record: HoldRecord = {
    reason,
    detail,
    heldAt: at,
    releasedAt: null,
    releasedBy: null,
    comment: null,
  };
  return {
    invoice: { ...invoice, holds: [...invoice.holds, record] },
    changes: [{ kind: "held", hold: record }],
  };
}

/** Releases active holds (all, or those of one reason); a release by finance marks the invoice touched. */
export function release(
  invoice: InvoiceRecord,
  by: "FINANCE" | "AUTOMATIC",
  at: Date,
  options: { reason?: HoldReason | null; comment?: string | null } = {},
): Transition {
  const changes: Change[] = [];
  const holds = invoice.holds.map((existing) => {
    if (existing.releasedAt || (options.reason && existing.reason !== options.reason))
      return existing;
    const released = {
      ...existing,
      releasedAt: at,
      releasedBy: by,
      comment: options.comment ?? null,
    };
    changes.push({ kind: "released", hold: released });
    return released;
  });
  if (!changes.length) return { invoice, changes };
  const waived =
    by === "FINANCE" &&
    changes.some((change) => change.kind === "released" && change.hold.reason === "POD_MISSING");
  const delivery = waived ? { ...invoice.delivery, proofWaived: true } : invoice.delivery;
  return {
    invoice: { ...invoice, holds, delivery, touched: invoice.touched || by === "FINANCE" },
    changes,
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
