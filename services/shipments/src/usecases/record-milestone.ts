import { randomUUID } from "node:crypto";
import type { RecordMilestoneInput } from "../generated/resolvers.ts";
import type { ShipmentsContext } from "../context.ts";
import { applyMilestone } from "../domain/status-machine.ts";
import type { ShipmentRecord } from "../store/records.ts";

export type MilestoneResult =
  { kind: "ok"; shipment: ShipmentRecord } | { kind: "unknown_shipment"; shipmentId: string };

const optional = (value: string | null | undefined) => value?.trim().slice(0, 500) || null;

/** Records a carrier milestone; duplicates change nothing, late ones never move the status back. */
export function recordMilestone(
  ctx: ShipmentsContext,
  input: RecordMilestoneInput,
): Promise<MilestoneResult> {
  const { shipments } = ctx.repo;
  return ctx.runtime.transact(async ({ session, emit }): Promise<MilestoneResult> => {
    const shipment = await shipments.findOne({ _id: input.shipmentId }, { session });
    if (!shipment) return { kind: "unknown_shipment", shipmentId: input.shipmentId };
    const outcome = applyMilestone(shipment.status, shipment.milestones, {
      id: `mst_${randomUUID()}`,
      type: input.type,
      occurredAt: input.occurredAt,
      recordedAt: new Date(),
      location: optional(input.location),
      detail: optional(input.detail),
      signedBy: optional(input.signedBy),
      reasonCode: optional(input.reasonCode),
    });
    if (outcome.kind === "duplicate") return { kind: "ok", shipment };
    const milestones = [...shipment.milestones, outcome.milestone].sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime(),
    );
    const updated = { ...shipment, milestones, status: outcome.status };
    await shipments.updateOne(
      { _id: shipment._id },
      { $set: { milestones, status: outcome.status } },
      { session },
    );
    await emit("shipments.milestone.recorded", shipment._id, {
      shipmentId: shipment._id,
      orderId: shipment.orderId,
      milestoneId: outcome.milestone.id,
      type: outcome.milestone.type,
      occurredAt: outcome.milestone.occurredAt.toISOString(),
      status: outcome.status,
      late: outcome.milestone.late,
    });
    return { kind: "ok", shipment: updated };
  });
}
