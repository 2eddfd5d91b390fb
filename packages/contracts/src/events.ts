import { z } from "zod";
import { money, taxRatePpm } from "./money.ts";

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });
const quantity = z.number().int().positive();

export const billingPolicy = z.enum(["ON_SHIPMENT", "ON_DELIVERY", "ON_PROOF_OF_DELIVERY"]);

export const milestoneType = z.enum([
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
]);

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
  "shipments.shipment.confirmed": z.object({
    shipmentId: id,
    orderId: id,
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
    milestoneId: id,
    type: milestoneType,
    occurredAt: instant,
    status: z.string().min(1),
    late: z.boolean(),
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
  }),
} as const;

export type EventType = keyof typeof eventData;
export type EventData<T extends EventType> = z.infer<(typeof eventData)[T]>;
