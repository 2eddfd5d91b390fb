import type { CarrierChargeType } from "@waybill/contracts";
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
  /** Minor units of `currency`: every carrier charge so far; absent before the first. */
  fulfilmentCost?: number;
  /** Set when the label was cancelled before pickup (status VOIDED). */
  voidedAt?: Date;
  voidReason?: string;
};

/** What a carrier billed for a shipment beyond its label, once per carrier and its charge id. */
export type CarrierChargeRecord = {
  _id: string;
  /** Carrier and the carrier's charge id normalised; unique. */
  chargeKey: string;
  shipmentId: string;
  carrier: string;
  carrierChargeId: string;
  type: CarrierChargeType;
  /** Minor units of `currency`, more than zero. */
  amount: number;
  currency: string;
  description: string | null;
  recordedAt: Date;
};
