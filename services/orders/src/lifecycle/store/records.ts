import type { BillingPolicy, ShippingRefundRule } from "@waybill/contracts";
import type { BillingStatus, FulfilmentStatus } from "../../generated/resolvers.ts";
import type { TimelineRecord } from "../../customer-service/store/records.ts";
import type { OrderShipmentRecord } from "./shipment-records.ts";

export type * from "./shipment-records.ts";

export type CustomerRecord = {
  _id: string;
  name: string;
  email: string;
  billingPolicy: BillingPolicy;
  /** Absent on customers created before the rule existed: NEVER. */
  shippingRefund?: ShippingRefundRule;
  createdAt: Date;
};

/** A SKU inventory has announced; orders accept only these. */
export type CatalogRecord = {
  _id: string;
  name: string;
  createdAt: Date;
};

/** Quantities of one order line; shipped, delivered and invoiced follow from the order's shipments. */
export type LineQuantities = {
  quantity: number;
  cancelledQuantity: number;
  shippedQuantity: number;
  deliveredQuantity: number;
  invoicedQuantity: number;
};

export type OrderLineRecord = LineQuantities & {
  id: string;
  sku: string;
  /** Minor units of the order's currency. */
  unitPrice: number;
  taxRatePpm: number;
  cancellationReason: string | null;
  /** From `inventory.stock.reserved`; null until inventory has answered. */
  reservedQuantity: number | null;
  backorderedQuantity: number | null;
};

export type OrderRecord = {
  _id: string;
  customerId: string;
  channel: string;
  externalReference: string | null;
  /** `channel:reference`, or `id:<order id>` when there is none; unique. */
  externalKey: string;
  currency: string;
  billingPolicy: BillingPolicy;
  /** The customer's shipping refund rule when the order was placed (absent before it existed: NEVER). */
  shippingRefund?: ShippingRefundRule;
  lines: OrderLineRecord[];
  fulfilmentStatus: FulfilmentStatus;
  billingStatus: BillingStatus;
  placedAt: Date;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  shipments: OrderShipmentRecord[];
  /** Kept by customer service, which alone writes it after the order is placed. */
  timeline: TimelineRecord[];
};

/** An order line as resolvers see it: with the order's currency. */
export type OrderLineView = OrderLineRecord & {
  currency: string;
};
