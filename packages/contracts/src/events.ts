import { z } from "zod";
import { money, taxRatePpm } from "./money.ts";
import {
  BILLING_POLICIES,
  CARRIER_CHARGE_TYPES,
  CREDIT_REASONS,
  HOLD_REASONS,
  INVOICE_STATUSES,
  MILESTONE_TYPES,
  RETURN_DISPOSITIONS,
  SHIPMENT_STATUSES,
  SHIPPING_REFUND_RULES,
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
export const returnDisposition = z.enum(RETURN_DISPOSITIONS);
export const shippingRefundRule = z.enum(SHIPPING_REFUND_RULES);
export const carrierChargeType = z.enum(CARRIER_CHARGE_TYPES);
export const creditReason = z.enum(CREDIT_REASONS);

/** Quantities per order line. */
const lineQuantities = z.array(z.object({ lineId: id, quantity }));

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
    /** The customer's rule for refunding shipping on credit notes (NEVER for orders placed before it existed). */
    shippingRefund: shippingRefundRule.default("NEVER"),
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
  /**
   * An order's told state after a change to it (placed, a line shipped, delivered, invoiced,
   * returned, credited, cancelled): what subscribers to an order hear.
   */
  "orders.order.updated": z.object({
    orderId: id,
    customerId: id,
    /** UNFULFILLED, PARTIALLY_SHIPPED, ..., as on Order.fulfilmentStatus. */
    fulfilmentStatus: z.string().min(1),
    /** NOT_BILLED, PARTIALLY_BILLED, ..., as on Order.billingStatus. */
    billingStatus: z.string().min(1),
    /** The order's changes so far, this one included. */
    revision,
    updatedAt: instant,
  }),
  /**
   * A service case's told state after a change (opened, noted, assigned, commented, resolved):
   * what a CRM mirrors. Its notes and shipment context are read through the supergraph.
   */
  "orders.service_case.changed": z.object({
    caseId: id,
    orderId: id,
    /** CARRIER_EXCEPTION, INVOICE_HELD, ..., as on ServiceCase.kind. */
    kind: z.string().min(1),
    /** OPEN or RESOLVED, as on ServiceCase.status. */
    status: z.enum(["OPEN", "RESOLVED"]),
    assignee: z.string().min(1).nullable(),
    /** Notes on the case so far, system notes and comments. */
    notes: count,
    /** The case's changes so far, its opening the first. */
    revision,
    changedAt: instant,
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
  /**
   * A product's stock in one warehouse after a change (a receipt, a reservation, a shipment, a
   * return, a count): the available-to-promise feed for storefronts.
   */
  "inventory.stock_level.changed": z.object({
    sku: id,
    warehouse: id,
    onHand: count,
    reserved: count,
    /** Available to promise: on hand less reserved, never below zero. */
    available: count,
    /** The level's changes so far in this warehouse, this one included. */
    revision,
    changedAt: instant,
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
  /**
   * A label cancelled before pickup: the shipment is void, its quantities count as unshipped again
   * and their stock goes back to reserved for the order.
   */
  "shipments.shipment.voided": z.object({
    shipmentId: id,
    orderId: id,
    customerId: id,
    warehouse: id,
    lines: z.array(z.object({ lineId: id, sku: id, quantity })).min(1),
    reason: text,
    voidedAt: instant,
  }),
  /**
   * A carrier billed an accessorial or a label correction for a shipment; recorded once per the
   * carrier's charge id. `amount` is what it costs us, in the order's currency.
   */
  "shipments.carrier_charge.recorded": z.object({
    chargeId: id,
    carrierChargeId: id,
    shipmentId: id,
    orderId: id,
    customerId: id,
    carrier: z.string().min(1),
    type: carrierChargeType,
    amount: money,
    description: text.nullable(),
    /** The shipment's fulfilment cost with this charge: every carrier charge so far. */
    fulfilmentCost: money,
    recordedAt: instant,
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
    /** The order's customer account: who may hear of it (absent from events before it was told). */
    customerId: id.optional(),
    reason: holdReason,
    detail: text,
    heldAt: instant,
    ...invoiceState,
  }),
  "billing.invoice.released": z.object({
    invoiceId: id,
    orderId: id,
    shipmentId: id,
    /** The order's customer account: who may hear of it (absent from events before it was told). */
    customerId: id.optional(),
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
    /** The order's customer account: who may hear of it (absent from events before it was told). */
    customerId: id.optional(),
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
    /** The order's customer account: who may hear of it (absent from events before it was told). */
    customerId: id.optional(),
    reason: holdReason,
    releasedBy: z.enum(["FINANCE", "AUTOMATIC"]),
    comment: text.nullable(),
    releasedAt: instant,
    ...invoiceState,
  }),
  /** A return (RMA) authorised against what shipped. */
  "returns.return.requested": z.object({
    returnId: id,
    orderId: id,
    customerId: id,
    reason: text,
    lines: z.array(z.object({ lineId: id, sku: id, quantity })).min(1),
    requestedAt: instant,
  }),
  /**
   * The warehouse received a return: per line what was asked for, what arrived (which may differ,
   * 0 included) and what becomes of it.
   */
  "returns.return.received": z.object({
    returnId: id,
    orderId: id,
    customerId: id,
    warehouse: id,
    lines: z
      .array(
        z.object({
          lineId: id,
          sku: id,
          requested: quantity,
          received: count,
          disposition: returnDisposition,
        }),
      )
      .min(1),
    receivedAt: instant,
  }),
  "returns.return.cancelled": z.object({
    returnId: id,
    orderId: id,
    customerId: id,
    reason: text,
    cancelledAt: instant,
  }),
  /** Billing settled the received return: nothing more will happen to it. */
  "returns.return.closed": z.object({
    returnId: id,
    orderId: id,
    customerId: id,
    creditNoteIds: z.array(id),
    closedAt: instant,
  }),
  /**
   * A credit note against one issued invoice's lines, at the invoiced price and tax: for a received
   * return (RETURN) or for a voided shipment (VOID). Numbered gapless in its own yearly series.
   */
  "billing.credit_note.issued": z.object({
    creditNoteId: id,
    number: z.string().min(1),
    reason: creditReason,
    invoiceId: id,
    invoiceNumber: z.string().min(1),
    orderId: id,
    shipmentId: id,
    customerId: id,
    returnId: id.nullable(),
    lines: lineQuantities,
    /** The shipping charge refunded with it, before tax (0 when the customer's rule says no). */
    shippingRefund: money,
    total: money,
    issuedAt: instant,
  }),
  /** A carrier charge re-billed after its invoice was issued: a debit note in its own gapless series. */
  "billing.adjustment_note.issued": z.object({
    adjustmentNoteId: id,
    number: z.string().min(1),
    invoiceId: id,
    invoiceNumber: z.string().min(1),
    orderId: id,
    shipmentId: id,
    customerId: id,
    chargeId: id,
    type: carrierChargeType,
    total: money,
    issuedAt: instant,
  }),
  /** A draft or held invoice whose shipment was voided: never issued, never numbered. */
  "billing.invoice.voided": z.object({
    invoiceId: id,
    orderId: id,
    shipmentId: id,
    /** The order's customer account: who may hear of it (absent from events before it was told). */
    customerId: id.optional(),
    voidedAt: instant,
    ...invoiceState,
  }),
  /**
   * Billing has done all a received return asks of it: the credit notes raised (one per invoice
   * the return spans), and the quantities returned before they were invoiced, which lowered what
   * will be invoiced instead.
   */
  "billing.return.settled": z.object({
    returnId: id,
    orderId: id,
    customerId: id,
    creditNoteIds: z.array(id),
    credited: lineQuantities,
    uninvoiced: lineQuantities,
    settledAt: instant,
  }),
} as const;

export type EventType = keyof typeof eventData;

/** Every event type, `<service>.<entity>.<verb_past>`; the service is the stream it is published on. */
export const EVENT_TYPES = Object.keys(eventData) as EventType[];
export type EventData<T extends EventType> = z.infer<(typeof eventData)[T]>;
