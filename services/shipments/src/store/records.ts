import type { MilestoneType, ShipmentStatus } from "../generated/resolvers.ts";

/** What the shipments service keeps of an order, from `orders.order.placed`. */
export type OrderProjection = {
  _id: string;
  currency: string;
  lines: { lineId: string; sku: string; quantity: number }[];
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
  reasonCode: string | null;
};

export type ShipmentRecord = {
  _id: string;
  orderId: string;
  lines: { lineId: string; sku: string; quantity: number }[];
  carrier: string;
  service: string;
  trackingNumber: string;
  shippedAt: Date;
  /** Minor units of `currency`. */
  shippingCharge: number;
  currency: string;
  status: ShipmentStatus;
  milestones: MilestoneRecord[];
  confirmedAt: Date;
};
