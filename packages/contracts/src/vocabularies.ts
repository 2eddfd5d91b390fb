// The words several services and their GraphQL schemas share, defined once. Each SDL enum that
// mirrors one of these lists is checked against it by `test/vocabularies.unit.test.ts`.

/** Canonical carrier milestones; every carrier format is mapped onto these. */
export const MILESTONE_TYPES = [
  "LABEL_CREATED",
  "PICKED_UP",
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "DELIVERY_ATTEMPTED",
  "AVAILABLE_FOR_PICKUP",
  "DELIVERED",
  "PROOF_OF_DELIVERY",
  "EXCEPTION",
  "RETURNED_TO_SENDER",
] as const;
export type MilestoneType = (typeof MILESTONE_TYPES)[number];

/** A shipment's status; the shipments service moves it with its status machine. */
export const SHIPMENT_STATUSES = [
  "SHIPPED",
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "DELIVERY_ATTEMPTED",
  "AVAILABLE_FOR_PICKUP",
  "DELIVERED",
  "EXCEPTION",
  "RETURNED_TO_SENDER",
  /** The label was cancelled before pickup: nothing shipped. */
  "VOIDED",
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** When a customer's invoices are issued. */
export const BILLING_POLICIES = ["ON_SHIPMENT", "ON_DELIVERY", "ON_PROOF_OF_DELIVERY"] as const;
export type BillingPolicy = (typeof BILLING_POLICIES)[number];

/** Why billing holds an invoice. */
export const HOLD_REASONS = ["POD_MISSING", "CARRIER_EXCEPTION", "QUANTITY_MISMATCH"] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** An invoice's status; billing derives it from its holds and its issue. */
export const INVOICE_STATUSES = ["DRAFT", "ON_HOLD", "ISSUED", "VOID"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** The kinds of change of a warehouse's stock or reservations. */
export const STOCK_MOVEMENT_KINDS = [
  "RECEIPT",
  "RESERVATION",
  "RELEASE",
  "SHIPMENT",
  "RETURN_RESTOCK",
  "SCRAP",
  "VENDOR_RETURN",
  "ADJUSTMENT",
] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

/** What becomes of a returned line once the warehouse has it. */
export const RETURN_DISPOSITIONS = ["RESTOCK", "SCRAP", "VENDOR_RETURN"] as const;
export type ReturnDisposition = (typeof RETURN_DISPOSITIONS)[number];

/** A return's status; the returns service moves it with its transition table. */
export const RETURN_STATUSES = ["REQUESTED", "RECEIVED", "CLOSED", "CANCELLED"] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** Whether a customer's credit notes refund the shipping charge of the invoice they credit. */
export const SHIPPING_REFUND_RULES = [
  /** Never refunded. */
  "NEVER",
  /** Refunded once every unit of the invoice has been credited. */
  "ON_FULL_RETURN",
  /** Refunded with the first credit note against the invoice. */
  "ALWAYS",
] as const;
export type ShippingRefundRule = (typeof SHIPPING_REFUND_RULES)[number];

/** What a carrier bills for a shipment beyond its label: accessorials and corrections. */
export const CARRIER_CHARGE_TYPES = [
  "LIFTGATE",
  "REDELIVERY",
  "FUEL",
  "ADDRESS_CORRECTION",
  "RESIDENTIAL",
  "LABEL_CORRECTION",
  "OTHER",
] as const;
export type CarrierChargeType = (typeof CARRIER_CHARGE_TYPES)[number];

/** Why a credit note was raised. */
export const CREDIT_REASONS = ["RETURN", "VOID"] as const;
export type CreditReason = (typeof CREDIT_REASONS)[number];

/** The services that publish events, each on its own stream named after it. */
export const EVENT_SOURCES = ["orders", "inventory", "shipments", "billing", "returns"] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];
