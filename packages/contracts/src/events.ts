import { z } from "zod";
import { money, taxRatePpm } from "./money.ts";
import {
  BILLING_POLICIES,
  HOLD_REASONS,
  INVOICE_STATUSES,
  MILESTONE_TYPES,
  SHIPMENT_STATUSES,
} from "./vocabularies.ts";

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });
const quantity = z.number().int().positive();
const count = z.number().int().nonnegative();
const text = z.string().min(1).max(500);

export const holdReason = z.enum(HOLD_REASONS);
export const billingPolicy = z.enum(BILLING_POLICIES);
export const milestoneType = z.enum(MILESTONE_TYPES);
export const shipmentStatus = z.enum(SHIPMENT_STATUSES);
export const invoiceStatus = z.enum(INVOICE_STATUSES);

/**
 * Grows by one with every event about the same entity, so a consumer keeps the state told with
 * the highest revision, whatever order the events arrive in.
 */
const revision = z.number().int().positive();

/** What every `billing.invoice.*` event tells of the invoice: its state right after the change. */
const invoiceState = {
  status: invoiceStatus,
  /** The holds still in force, oldest first. */
  activeHolds: z.array(z.object({ reason: holdReason, detail: text, heldAt: instant })),
  /** The invoice's changes so far (holds placed, holds released, its issue), this one included. */
  revision,
};

/** The data schema of every event type, keyed by type. */
export const eventData = {
  "orders.order.placed": z.object({
    orderId: id,
    customerId: id,
    billingPolicy,
    currency: z.string().regex(/^[A-Z]{3}$/),
    lines: z
      .array(
        z.object({
          lineId: id,
          sku: id,
          quantity,
          unitPrice: z.number().int().nonnegative(),
          taxRatePpm,
        }),
      )
      .min(1),
    placedAt: instant,
  }),
  /** The whole order, with the unshipped quantity of every line, is cancelled. */
  "orders.order.cancelled": z.object({
    orderId: id,
    lines: z.array(z.object({ lineId: id, sku: id, quantity })),
    reason: text,
    cancelledAt: instant,
  }),
  /** One line that had nothing shipped is cancelled. */
  "orders.order_line.cancelled": z.object({
    orderId: id,
    lineId: id,
    sku: id,
    quantity,
    reason: text,
    cancelledAt: instant,
  }),
  "inventory.product.created": z.object({
    sku: id,
    name: text,
  }),
  /** What inventory could set aside for an order's lines; the rest is backordered. */
  "inventory.stock.reserved": z.object({
    orderId: id,
    lines: z.array(z.object({ lineId: id, sku: id, reserved: count, backordered: count })).min(1),
  }),
  "shipments.shipment.confirmed": z.object({
    shipmentId: id,
    orderId: id,
    /** The order's customer account, so consumers can authorise reads of what they derive. */
    customerId: id,
    /** The warehouse the goods left from. */
    warehouse: id,
    lines: z.array(z.object({ lineId: id, sku: id, quantity })).min(1),
    carrier: z.string().min(1),
    service: z.string().min(1),
    trackingNumber: z.string().min(1),
    shippedAt: instant,
    shippingCharge: money,
  }),
  "shipments.milestone.recorded": z.object({
    shipmentId: id,
    orderId: id,
    /** The order's customer account: who may hear of this milestone. */
    customerId: id,
    milestoneId: id,
    type: milestoneType,
    occurredAt: instant,
    /** The shipment's status after the milestone. */
    status: shipmentStatus,
    /** When the shipment was first delivered (DELIVERED or PROOF_OF_DELIVERY), as of this milestone. */
    deliveredAt: instant.nullable(),
    /** The shipment's milestones recorded so far, this one included. */
    revision,
    /** Older than the newest milestone already applied: kept in history, status unchanged. */
    late: z.boolean(),
    carrier: z.string().min(1),
    trackingNumber: z.string().min(1),
    location: text.nullable(),
    /** Who signed, for PROOF_OF_DELIVERY. */
    signedBy: text.nullable(),
    /** Photo or document reference, for PROOF_OF_DELIVERY. */
    photoReference: text.nullable(),
    /** Carrier reason code, for EXCEPTION and DELIVERY_ATTEMPTED. */
    reasonCode: text.nullable(),
    /** Units the carrier reports delivered, when it reports a count (DELIVERED). */
    deliveredQuantity: count.nullable(),
    /** Units the shipment carried, to compare with `deliveredQuantity`. */
    shippedQuantity: quantity,
  }),
  "billing.invoice.issued": z.object({
    invoiceId: id,
    number: z.string().min(1),
    orderId: id,
    shipmentId: id,
    customerId: id,
    lines: z.array(z.object({ lineId: id, quantity })).min(1),
    total: money,
    issuedAt: instant,
    /** Issued without anyone releasing a hold by hand. */
    touchless: z.boolean(),
    ...invoiceState,
  }),
  "billing.invoice.held": z.object({
    invoiceId: id,
    orderId: id,
    shipmentId: id,
    reason: holdReason,
    detail: text,
    heldAt: instant,
    ...invoiceState,
  }),
  "billing.invoice.released": z.object({
    invoiceId: id,
    orderId: id,
    shipmentId: id,
    reason: holdReason,
    /** FINANCE when a person released it; AUTOMATIC when the condition cleared. */
    releasedBy: z.enum(["FINANCE", "AUTOMATIC"]),
    comment: text.nullable(),
    releasedAt: instant,
    ...invoiceState,
  }),
  /**
   * An issued invoice's collection is held: a carrier exception or a short delivery after issue.
   * The invoice stays ISSUED; finance releases the hold, or it clears when its condition does.
   */
  "billing.invoice_collection.held": z.object({
    invoiceId: id,
    number: z.string().min(1),
    orderId: id,
    shipmentId: id,
    reason: holdReason,
    detail: text,
    heldAt: instant,
    ...invoiceState,
  }),
  "billing.invoice_collection.released": z.object({
    invoiceId: id,
    number: z.string().min(1),
    orderId: id,
    shipmentId: id,
    reason: holdReason,
    releasedBy: z.enum(["FINANCE", "AUTOMATIC"]),
    comment: text.nullable(),
    releasedAt: instant,
    ...invoiceState,
  }),
} as const;

export type EventType = keyof typeof eventData;

/** Every event type, `<service>.<entity>.<verb_past>`; the service is the stream it is published on. */
export const EVENT_TYPES = Object.keys(eventData) as EventType[];
export type EventData<T extends EventType> = z.infer<(typeof eventData)[T]>;
