import type { InvoiceStatus } from "../generated/resolvers.ts";

/** What billing keeps of an order, from `orders.order.placed`: the prices agreed. */
export type OrderTerms = {
  _id: string;
  customerId: string;
  currency: string;
  billingPolicy: "ON_SHIPMENT" | "ON_DELIVERY" | "ON_PROOF_OF_DELIVERY";
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

export type InvoiceRecord = {
  _id: string;
  series: string;
  number: string | null;
  status: InvoiceStatus;
  orderId: string;
  shipmentId: string;
  customerId: string;
  currency: string;
  lines: InvoiceLineRecord[];
  shippingCharge: number;
  shippingTax: number;
  subtotal: number;
  taxTotal: number;
  total: number;
  createdAt: Date;
  issuedAt: Date | null;
};

/** The next number of an invoice series. */
export type CounterRecord = { _id: string; value: number };

export type InvoiceLineView = InvoiceLineRecord & { currency: string };
