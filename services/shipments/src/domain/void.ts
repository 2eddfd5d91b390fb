import type { MilestoneType } from "../generated/resolvers.ts";
import type { ShipmentRecord } from "../store/records.ts";

/** Milestones a carrier records before it has the parcel: a shipment with only these may be voided. */
export const BEFORE_PICKUP: readonly MilestoneType[] = ["LABEL_CREATED"];

export type VoidDecision =
  | { kind: "void" }
  | { kind: "already_voided" }
  | { kind: "not_voidable"; code: "SHIPMENT_ALREADY_PICKED_UP"; message: string };

/**
 * Whether a shipment's label may be cancelled: only while every milestone recorded for it (late
 * ones too: they still say the carrier had it) is one from before pickup. A voided shipment is
 * voided already: the same answer again, nothing new.
 */
export function voidDecision(shipment: ShipmentRecord): VoidDecision {
  if (shipment.status === "VOIDED") return { kind: "already_voided" };
  const beyond = shipment.milestones.find((m) => !BEFORE_PICKUP.includes(m.type));
  if (!beyond) return { kind: "void" };
  return {
    kind: "not_voidable",
    code: "SHIPMENT_ALREADY_PICKED_UP",
    message: `shipment ${shipment._id} has milestone ${beyond.type}: the carrier has it, it can no longer be voided`,
  };
}

/** Shipments whose quantities count as shipped: every one but the voided. */
export const countsAsShipped = (shipment: Pick<ShipmentRecord, "status">): boolean =>
  shipment.status !== "VOIDED";
