import { randomUUID } from "node:crypto";
import type { RecordMilestoneInput } from "../generated/resolvers.ts";
import type { ShipmentsContext } from "../context.ts";
import { milestoneReport, type ReportProblem } from "../domain/milestone-report.ts";
import { trackingKey } from "../domain/tracking.ts";
import type { ParkedMilestoneRecord, ShipmentRecord } from "../store/records.ts";
import { applyToShipment } from "./apply-milestone.ts";

export type MilestoneResult =
  | { kind: "applied"; shipment: ShipmentRecord }
  | { kind: "parked"; parked: ParkedMilestoneRecord }
  | { kind: "unknown_shipment"; shipmentId: string }
  | ({ kind: "invalid" } & ReportProblem);

/**
 * Records a carrier milestone. Duplicates change nothing; late ones never move the status back;
 * one for a tracking number no shipment has yet is parked until that shipment is confirmed.
 */
export function recordMilestone(
  ctx: ShipmentsContext,
  input: RecordMilestoneInput,
): Promise<MilestoneResult> {
  const { repo } = ctx;
  return ctx.runtime.transact(async (work): Promise<MilestoneResult> => {
    const report = milestoneReport(input, `mst_${randomUUID()}`, ctx.clock());
    if ("field" in report) return { kind: "invalid", ...report };
    if (input.shipmentId) {
      const shipment = await repo.findShipment(input.shipmentId, work.session);
      if (!shipment) return { kind: "unknown_shipment", shipmentId: input.shipmentId };
      return { kind: "applied", shipment: await applyToShipment(repo, shipment, report, work) };
    }
    const carrier = input.carrier?.trim();
    const trackingNumber = input.trackingNumber?.trim();
    if (!carrier || !trackingNumber) {
      return {
        kind: "invalid",
        field: "shipmentId",
        message: "give shipmentId, or carrier and trackingNumber",
      };
    }
    const key = trackingKey(carrier, trackingNumber);
    const shipment = await repo.byTracking(key, report.occurredAt, work.session);
    if (shipment)
      return { kind: "applied", shipment: await applyToShipment(repo, shipment, report, work) };
    const parked: ParkedMilestoneRecord = {
      _id: `pmk_${randomUUID()}`,
      carrier,
      trackingNumber,
      trackingKey: key,
      report,
      parkedAt: new Date(),
    };
    await repo.parkMilestone(parked, work.session);
    work.logger.info(
      { carrier, trackingNumber, type: report.type },
      "milestone parked until its shipment is confirmed",
    );
    return { kind: "parked", parked };
  });
}
