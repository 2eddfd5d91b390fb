import type { MilestoneType, ShipmentStatus } from "../generated/resolvers.ts";

/** What the shipments service keeps of an order, from `orders.order.placed`. */
export type OrderProjection = {
  _id: string;
  customerId: string;
  currency: string;
  /** `cancelled` units of a line can no longer ship. */
  lines: { lineId: string; sku: string; quantity: number; cancelled: number }[];
  /** When the order was placed; absent for orders recorded before it was kept. */
  placedAt?: Date;
};

export type MilestoneRecord = {
  id: string;
  type: MilestoneType;
  occurredAt: Date;
  recordedAt: Date;
  late: boolean;
  location: string | null;
  detail: string | null;
  signedBy: string | null;
  photoReference: string | null;
  reasonCode: string | null;
  deliveredQuantity: number | null;
};

/** What a milestone says, before it is matched to a shipment. */
export type MilestoneReport = Omit<MilestoneRecord, "late" | "recordedAt">;

/** A milestone for a carrier and tracking number no shipment had when it arrived. */
export type ParkedMilestoneRecord = {
  _id: string;
  carrier: string;
  trackingNumber: string;
  trackingKey: string;
  report: MilestoneReport;
  parkedAt: Date;
};

export type ShipmentRecord = {
  _id: string;
  orderId: string;
  /** The order's customer account (whose data this is). */
  customerId: string;
  warehouse: string;
  lines: { lineId: string; sku: string; quantity: number }[];
  carrier: string;
  service: string;
  trackingNumber: string;
  /** Carrier and tracking number normalised, to match carrier milestones. */
  trackingKey: string;
  shippedAt: Date;
  /** Minor units of `currency`. */
  shippingCharge: number;
  currency: string;
  status: ShipmentStatus;
  milestones: MilestoneRecord[];
  confirmedAt: Date;
  /** The id `shipments.shipment.confirmed` was published with; absent on older shipments. */
  confirmedEventId?: string;
};
