import type { MilestoneType, ShipmentStatus } from "../generated/resolvers.ts";
import type { MilestoneRecord } from "../store/records.ts";

/** The status a milestone moves a shipment to; null for milestones that do not move it. */
export const MILESTONE_STATUS: Record<MilestoneType, ShipmentStatus | null> = {
  LABEL_CREATED: null,
  PICKED_UP: "IN_TRANSIT",
  IN_TRANSIT: "IN_TRANSIT",
  OUT_FOR_DELIVERY: "OUT_FOR_DELIVERY",
  DELIVERY_ATTEMPTED: "DELIVERY_ATTEMPTED",
  AVAILABLE_FOR_PICKUP: "AVAILABLE_FOR_PICKUP",
  DELIVERED: "DELIVERED",
  PROOF_OF_DELIVERY: "DELIVERED",
  EXCEPTION: "EXCEPTION",
  RETURNED_TO_SENDER: "RETURNED_TO_SENDER",
};

const ON_THE_WAY: ShipmentStatus[] = [
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "DELIVERY_ATTEMPTED",
  "AVAILABLE_FOR_PICKUP",
  "DELIVERED",
  "EXCEPTION",
  "RETURNED_TO_SENDER",
];

/**
 * Which statuses each status may move to. DELIVERED, RETURNED_TO_SENDER and VOIDED are final; no
 * milestone leads to VOIDED (only `voidShipment` does).
 */
export const TRANSITIONS: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  SHIPPED: ON_THE_WAY,
  IN_TRANSIT: ON_THE_WAY,
  OUT_FOR_DELIVERY: ON_THE_WAY,
  DELIVERY_ATTEMPTED: ON_THE_WAY,
  AVAILABLE_FOR_PICKUP: ["DELIVERED", "EXCEPTION", "RETURNED_TO_SENDER"],
  EXCEPTION: ON_THE_WAY,
  DELIVERED: ["DELIVERED"],
  RETURNED_TO_SENDER: [],
  VOIDED: [],
};

/**
 * When the shipment was first delivered: the earliest milestone that takes it to DELIVERED,
 * whether or not it arrived late or moved the status.
 */
export function deliveredAt(history: readonly MilestoneRecord[]): Date | null {
  const times = history
    .filter((milestone) => MILESTONE_STATUS[milestone.type] === "DELIVERED")
    .map((milestone) => milestone.occurredAt.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

export type MilestoneOutcome =
  { kind: "duplicate" } | { kind: "recorded"; milestone: MilestoneRecord; status: ShipmentStatus };

/**
 * When a milestone counts as having happened, for ordering: its occurrence, but never after it
 * was recorded. A carrier's clock a little ahead (within the allowed skew) then cannot make the
 * milestones recorded after it look late.
 */
export const orderedAt = (milestone: Pick<MilestoneRecord, "occurredAt" | "recordedAt">): number =>
  Math.min(milestone.occurredAt.getTime(), milestone.recordedAt.getTime());

/**
 * Applies a milestone to a shipment's history. A repeat (same type and time) is a duplicate;
 * one that happened before the newest applied milestone (by `orderedAt`) is late: kept, status
 * unchanged; a transition the table does not allow is kept without moving the status. Every
 * milestone of a voided shipment is late.
 */
export function applyMilestone(
  status: ShipmentStatus,
  history: MilestoneRecord[],
  incoming: Omit<MilestoneRecord, "late">,
): MilestoneOutcome {
  const same = history.some(
    (m) => m.type === incoming.type && m.occurredAt.getTime() === incoming.occurredAt.getTime(),
  );
  if (same) return { kind: "duplicate" };
  const newest = history
    .filter((m) => !m.late)
    .reduce((max, m) => Math.max(max, orderedAt(m)), Number.NEGATIVE_INFINITY);
  // After a void the carrier's word is history only: the label it is about was cancelled.
  const late = status === "VOIDED" || orderedAt(incoming) < newest;
  const target = MILESTONE_STATUS[incoming.type];
  const moves = !late && target !== null && TRANSITIONS[status].includes(target);
  return {
    kind: "recorded",
    milestone: { ...incoming, late },
    status: moves && target ? target : status,
  };
}
