import type { EventData } from "@waybill/contracts";
import type {
  InvoiceSummaryRecord,
  MilestoneSummaryRecord,
  ShipmentSummaryRecord,
} from "../store/records.ts";

/** How many milestones a summary keeps, newest first. */
export const KEPT_MILESTONES = 5;

const DELIVERY = new Set(["DELIVERED", "PROOF_OF_DELIVERY"]);

export function newShipmentSummary(
  data: EventData<"shipments.shipment.confirmed">,
): ShipmentSummaryRecord {
  return {
    id: data.shipmentId,
    warehouse: data.warehouse,
    carrier: data.carrier,
    service: data.service,
    trackingNumber: data.trackingNumber,
    shippedAt: new Date(data.shippedAt),
    lines: data.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })),
    status: "SHIPPED",
    statusAt: null,
    deliveredAt: null,
    milestones: [],
    invoice: null,
  };
}

/**
 * Adds a milestone. The status follows only milestones that are neither late nor older than the
 * one that set it (events may arrive out of order); a delivery counts whenever it arrives.
 */
export function withMilestone(
  shipment: ShipmentSummaryRecord,
  data: EventData<"shipments.milestone.recorded">,
): ShipmentSummaryRecord {
  const occurredAt = new Date(data.occurredAt);
  const milestone: MilestoneSummaryRecord = {
    id: data.milestoneId,
    type: data.type,
    occurredAt,
    location: data.location,
    reasonCode: data.reasonCode,
    late: data.late,
  };
  const milestones = [milestone, ...shipment.milestones.filter((m) => m.id !== milestone.id)]
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())
    .slice(0, KEPT_MILESTONES);
  const moves = !data.late && (shipment.statusAt === null || occurredAt >= shipment.statusAt);
  const delivered = DELIVERY.has(data.type);
  return {
    ...shipment,
    milestones,
    ...(moves ? { status: data.status, statusAt: occurredAt } : {}),
    deliveredAt:
      delivered && (shipment.deliveredAt === null || occurredAt < shipment.deliveredAt)
        ? occurredAt
        : shipment.deliveredAt,
  };
}

/** The shipment's invoice summary, started empty when billing's first word about it arrives. */
export function invoiceOf(
  shipment: ShipmentSummaryRecord,
  invoiceId: string,
): InvoiceSummaryRecord {
  return shipment.invoice?.id === invoiceId
    ? shipment.invoice
    : { id: invoiceId, number: null, lines: [], issuedAt: null, holds: [], releases: [] };
}

/** When a settled shipment became settled: its delivery or its invoice's issue, whichever was later. */
export function settledAt(shipment: ShipmentSummaryRecord): Date {
  const times = [shipment.deliveredAt, shipment.invoice?.issuedAt].flatMap((at) =>
    at ? [at] : [],
  );
  return new Date(Math.max(...times.map((at) => at.getTime())));
}

export const describeMilestone = (data: EventData<"shipments.milestone.recorded">): string => {
  const parts = [`Shipment ${data.type.toLowerCase().replaceAll("_", " ")}`];
  if (data.location) parts.push(`at ${data.location}`);
  if (data.reasonCode) parts.push(`(reason ${data.reasonCode})`);
  if (data.signedBy) parts.push(`signed by ${data.signedBy}`);
  if (data.deliveredQuantity !== null && data.deliveredQuantity !== data.shippedQuantity)
    parts.push(`(${data.deliveredQuantity} of ${data.shippedQuantity} units delivered)`);
  if (data.late) parts.push("(reported late)");
  return parts.join(" ");
};
