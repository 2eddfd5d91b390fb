import type { UnitOfWork } from "@waybill/service";
import { applyMilestone, deliveredAt, orderedAt } from "../domain/status-machine.ts";
import type { ShipmentsRepository } from "../store/repository.ts";
import type { MilestoneReport, ShipmentRecord } from "../store/records.ts";

/**
 * Applies a carrier's milestone to a shipment inside the caller's transaction and emits
 * `shipments.milestone.recorded` with the shipment's state after it. A duplicate changes nothing
 * and emits nothing, so the count of milestones is the revision of that state; a milestone of a
 * voided shipment is kept in its history and emits nothing.
 */
export async function applyToShipment(
  repo: ShipmentsRepository,
  shipment: ShipmentRecord,
  report: MilestoneReport,
  { session, emit }: UnitOfWork,
): Promise<ShipmentRecord> {
  const outcome = applyMilestone(shipment.status, shipment.milestones, {
    ...report,
    recordedAt: new Date(),
  });
  if (outcome.kind === "duplicate") return shipment;
  const { milestone, status } = outcome;
  // In the order they happened, as far as this service can know (see `orderedAt`).
  const milestones = [...shipment.milestones, milestone].sort(
    (a, b) => orderedAt(a) - orderedAt(b) || a.occurredAt.getTime() - b.occurredAt.getTime(),
  );
  await repo.saveMilestones(shipment._id, milestones, status, session);
  // A voided shipment keeps what carriers still report, but nobody downstream acts on it.
  if (shipment.status === "VOIDED") return { ...shipment, milestones };
  await emit("shipments.milestone.recorded", shipment._id, {
    shipmentId: shipment._id,
    orderId: shipment.orderId,
    customerId: shipment.customerId,
    milestoneId: milestone.id,
    type: milestone.type,
    occurredAt: milestone.occurredAt.toISOString(),
    status,
    deliveredAt: deliveredAt(milestones)?.toISOString() ?? null,
    revision: milestones.length,
    late: milestone.late,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    location: milestone.location,
    signedBy: milestone.signedBy,
    photoReference: milestone.photoReference,
    reasonCode: milestone.reasonCode,
    deliveredQuantity: milestone.deliveredQuantity,
    shippedQuantity: shipment.lines.reduce((sum, line) => sum + line.quantity, 0),
  });
  return { ...shipment, milestones, status };
}
