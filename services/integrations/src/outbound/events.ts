import type { EventType } from "@waybill/contracts";

/**
 * The events partners can hear by webhook, named as their contract subjects: a shipment's
 * milestones, an order's told state, invoices and notes, returns and stock levels.
 */
export const WEBHOOK_EVENT_TYPES = [
  "shipments.milestone.recorded",
  "orders.order.updated",
  "billing.invoice.issued",
  "billing.invoice.held",
  "billing.invoice.released",
  "billing.invoice.voided",
  "billing.invoice_collection.held",
  "billing.invoice_collection.released",
  "billing.credit_note.issued",
  "billing.adjustment_note.issued",
  "returns.return.requested",
  "returns.return.received",
  "returns.return.cancelled",
  "returns.return.closed",
  "inventory.stock_level.changed",
] as const satisfies readonly EventType[];

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (type: string): type is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);

/** The stream each event type is read from: its first word. */
export const streamOf = (type: WebhookEventType) => type.split(".")[0] ?? type;
