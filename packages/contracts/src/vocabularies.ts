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

/** The services that publish events, each on its own stream named after it. */
export const EVENT_SOURCES = ["orders", "inventory", "shipments", "billing", "returns"] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];
