import type { CarrierChargeType, CreditReason, ShippingRefundRule } from "@waybill/contracts";
import type { BillingPolicy, HoldReason, InvoiceStatus } from "../generated/resolvers.ts";

/** What billing keeps of an order, from `orders.order.placed`: the prices agreed. */
export type OrderTerms = {
  _id: string;
  customerId: string;
  currency: string;
  billingPolicy: BillingPolicy;
  /** Whether credit notes refund shipping; absent on orders recorded before the rule existed: NEVER. */
  shippingRefund?: ShippingRefundRule;
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

/** A carrier charge re-billed to the customer on an invoice or a credit note, taxed like shipping. */
export type ChargeLineRecord = {
  chargeId: string;
  type: CarrierChargeType;
  description: string | null;
  amount: number;
  taxRatePpm: number;
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

/** Units per order line. */
export type LineUnits = { lineId: string; quantity: number };

/** What the credit notes against an issued invoice have taken back so far. */
export type InvoiceCreditRecord = {
  /** Units credited per invoice line. */
  lines: LineUnits[];
  /** The shipping charge and its tax were refunded (at most once). */
  shipping: boolean;
  /** The re-billed charges on the invoice were credited (only a void does that). */
  charges: boolean;
  /** The credit notes' totals, summed. */
  total: number;
};

/** Units of a return an invoice took: lowered before its issue, or credited after. */
export type ReturnedRecord = LineUnits & { returnId: string };

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
  /** Carrier charges re-billed before issue; absent on invoices made before charges existed. */
  charges?: ChargeLineRecord[];
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
  /** What credit notes took back; absent until the first one. */
  credit?: InvoiceCreditRecord;
  /** The return units this invoice absorbed; absent until a return reaches it. */
  returned?: ReturnedRecord[];
  /** When its shipment was voided; absent while it was not. */
  voidedAt?: Date | null;
};

/** A credit note against one issued invoice; amounts in minor units, positive. */
export type CreditNoteRecord = {
  _id: string;
  /** `CN-2026-000001`: gapless in its own yearly series. */
  number: string;
  reason: CreditReason;
  invoiceId: string;
  invoiceNumber: string;
  orderId: string;
  shipmentId: string;
  customerId: string;
  currency: string;
  /** The return it credits (RETURN), or null (VOID). */
  returnId: string | null;
  /** The credited units of each invoice line, at the invoiced price and tax. */
  lines: InvoiceLineRecord[];
  /** Re-billed charges credited with it (a void credits them all). */
  charges: ChargeLineRecord[];
  shippingRefund: number;
  shippingTax: number;
  subtotal: number;
  taxTotal: number;
  total: number;
  issuedAt: Date;
};

/** A debit note for a carrier charge re-billed after its invoice was issued. */
export type AdjustmentNoteRecord = {
  _id: string;
  /** `AN-2026-000001`: gapless in its own yearly series. */
  number: string;
  invoiceId: string;
  invoiceNumber: string;
  orderId: string;
  shipmentId: string;
  customerId: string;
  currency: string;
  chargeId: string;
  type: CarrierChargeType;
  description: string | null;
  amount: number;
  taxRatePpm: number;
  tax: number;
  total: number;
  issuedAt: Date;
};

/** How billing handled a carrier charge. */
export type ChargeBilling = "INVOICED" | "ADJUSTMENT_NOTE" | "COST_ONLY";

/** Every carrier charge billing heard of, once per charge id: the shipment's fulfilment cost. */
export type CarrierChargeRecord = {
  /** The charge id shipments gave it. */
  _id: string;
  shipmentId: string;
  orderId: string;
  customerId: string;
  invoiceId: string;
  type: CarrierChargeType;
  amount: number;
  currency: string;
  billing: ChargeBilling;
  /** The shipment's fulfilment cost as told with this charge (every charge so far). */
  fulfilmentCost: number;
  recordedAt: Date;
};

/** A received return billing has settled, once per return id. */
export type ReturnSettlementRecord = {
  /** The return id. */
  _id: string;
  orderId: string;
  customerId: string;
  creditNoteIds: string[];
  credited: LineUnits[];
  uninvoiced: LineUnits[];
  settledAt: Date;
};

/** The next number of a document series (`INV-2026`, `CN-2026`, `AN-2026`). */
export type CounterRecord = { _id: string; value: number };

export type InvoiceLineView = InvoiceLineRecord & { currency: string };
export type ChargeLineView = ChargeLineRecord & { currency: string };
