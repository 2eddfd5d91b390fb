import type { BillingPolicy, ShippingRefundRule } from "@waybill/contracts";
import type { BillingStatus, FulfilmentStatus } from "../../generated/resolvers.ts";
import type { TimelineRecord } from "../../customer-service/store/records.ts";
import type {
  OrderCreditNoteRecord,
  OrderReturnRecord,
  OrderSettlementRecord,
  OrderShipmentRecord,
} from "./shipment-records.ts";

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

/**
 * Quantities of one order line; shipped, delivered and invoiced follow from the order's shipments,
 * returned and credited from what returns and billing told (absent on lines before they existed: 0).
 */
export type LineQuantities = {
  quantity: number;
  cancelledQuantity: number;
  shippedQuantity: number;
  deliveredQuantity: number;
  invoicedQuantity: number;
  /** Units the warehouse received back, from `returns.return.received`. */
  returnedQuantity?: number;
  /** Units credit notes credited, from `billing.credit_note.issued`. */
  creditedQuantity?: number;
  /** Units returned before they were invoiced, which billing will no longer invoice. */
  uninvoicedReturnedQuantity?: number;
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
  /**
   * The changes of either status told so far (`orders.order.updated`), its placement the first;
   * absent on orders placed before they were counted.
   */
  revision?: number;
  placedAt: Date;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  shipments: OrderShipmentRecord[];
  /** Returns, credit notes and settlements told (absent before the first). */
  returns?: OrderReturnRecord[];
  creditNotes?: OrderCreditNoteRecord[];
  settlements?: OrderSettlementRecord[];
  /** Kept by customer service, which alone writes it after the order is placed. */
  timeline: TimelineRecord[];
};

/** An order line as resolvers see it: with the order's currency. */
export type OrderLineView = OrderLineRecord & {
  currency: string;
};
