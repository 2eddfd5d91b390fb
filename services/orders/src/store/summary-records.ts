import type { MilestoneType } from "../generated/resolvers.ts";

export type MilestoneSummaryRecord = {
  id: string;
  type: MilestoneType;
  occurredAt: Date;
  location: string | null;
  reasonCode: string | null;
  late: boolean;
};

export type HoldRecord = { reason: string; detail: string; at: Date };

export type InvoiceSummaryRecord = {
  id: string;
  number: string | null;
  lines: { lineId: string; quantity: number }[];
  issuedAt: Date | null;
  holds: HoldRecord[];
  /** Releases by reason; a hold is lifted by a release of its reason at or after it. */
  releases: HoldRecord[];
};

/** What orders knows of one shipment, from shipment, milestone and invoice events. */
export type ShipmentSummaryRecord = {
  id: string;
  warehouse: string;
  carrier: string;
  service: string;
  trackingNumber: string;
  shippedAt: Date;
  lines: { lineId: string; sku: string; quantity: number }[];
  status: string;
  /** When the milestone that set `status` happened; null until one did. */
  statusAt: Date | null;
  deliveredAt: Date | null;
  /** The latest milestones, newest first. */
  milestones: MilestoneSummaryRecord[];
  invoice: InvoiceSummaryRecord | null;
};
