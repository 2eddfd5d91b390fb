import type { UnitOfWork } from "@waybill/service";
import { matchWindow } from "../domain/tracking.ts";
import type { ShipmentsRepository } from "../store/repository.ts";
import type { ShipmentRecord } from "../store/records.ts";
import { applyToShipment } from "./apply-milestone.ts";

/** Applies the milestones parked for a newly confirmed shipment's tracking number, oldest first. */
export async function applyParked(
  repo: ShipmentsRepository,
  shipment: ShipmentRecord,
  work: UnitOfWork,
): Promise<ShipmentRecord> {
  const parked = await repo.parkedFor(shipment.trackingKey, work.session);
  const belonging = parked
    .filter(({ report }) => {
      const { from, to } = matchWindow(report.occurredAt);
      return shipment.shippedAt >= from && shipment.shippedAt <= to;
    })
    .sort((a, b) => a.report.occurredAt.getTime() - b.report.occurredAt.getTime());
  let current = shipment;
  for (const record of belonging) {
    current = await applyToShipment(repo, current, record.report, work);
    await repo.unpark(record._id, work.session);
  }
  if (belonging.length)
    work.logger.info(
      { shipmentId: shipment._id, applied: belonging.length },
      "parked milestones applied",
    );
  return current;
}
