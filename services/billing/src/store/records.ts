import type { BillingPolicy, HoldReason, InvoiceStatus } from "../generated/resolvers.ts";

/** What billing keeps of an order, from `orders.order.placed`: the prices agreed. */
export type OrderTerms = {
  _id: string;
  customerId: string;
  currency: string;
  billingPolicy: BillingPolicy;
  lines: { lineId: string; sku: string; quantity: number; unitPrice: number; taxRatePpm: number }[];
};

/** Amounts in minor units of the invoice currency. */
export type InvoiceLineRecord = {
  lineId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  taxRatePpm: number;
  net: number;
  tax: number;
};

export type HoldRecord = {
  reason: HoldReason;
  detail: string;
  heldAt: Date;
  releasedAt: Date | null;
  releasedBy: "FINANCE" | "AUTOMATIC" | null;
  comment: string | null;
};

/** What the carrier has told billing about the shipment. */
export type DeliveryRecord = {
  deliveredAt: Date | null;
  proofAt: Date | null;
  /** Finance accepted the delivery without proof. */
  proofWaived: boolean;
  deliveredQuantity: number | null;
};

export type InvoiceRecord = {
  _id: string;
  series: string;
  number: string | null;
  status: InvoiceStatus;
  policy: BillingPolicy;
  orderId: string;
  shipmentId: string;
  customerId: string;
  currency: string;
  lines: InvoiceLineRecord[];
  shippedQuantity: number;
  shippingCharge: number;
  shippingTax: number;
  subtotal: number;
  taxTotal: number;
  total: number;
  /** Holds on the invoice before its issue. */
  holds: HoldRecord[];
  /** Holds on an issued invoice's collection (a carrier exception or a short delivery after issue). */
  collectionHolds: HoldRecord[];
  delivery: DeliveryRecord;
  /** Someone released a hold by hand: the invoice is not touchless. */
  touched: boolean;
  shippedAt: Date;
  createdAt: Date;
  issuedAt: Date | null;
};

/** The next number of an invoice series. */
export type CounterRecord = { _id: string; value: number };

export type InvoiceLineView = InvoiceLineRecord & { currency: string };
