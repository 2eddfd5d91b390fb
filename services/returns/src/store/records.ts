import type { ReturnStatus } from "../generated/resolvers.ts";

/** Shipped quantities per order line, from `shipments.shipment.confirmed`. */
export type ShippedProjection = {
  _id: string;
  /** The order's customer account. */
  customerId: string;
  lines: { lineId: string; sku: string; shipped: number }[];
};

export type ReturnRecord = {
  _id: string;
  orderId: string;
  customerId: string;
  status: ReturnStatus;
  reason: string;
  lines: { lineId: string; sku: string; quantity: number }[];
  requestedAt: Date;
};
