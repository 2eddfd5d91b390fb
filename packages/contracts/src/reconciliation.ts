import { z } from "zod";

// What each service tells the hub's reconciliation about some orders, in its own words. The
// gateway compares them; no service re-derives another's facts.

const id = z.string().min(1);
const count = z.number().int().nonnegative();
const instant = z.iso.datetime({ offset: true });
const lineQuantities = z.array(z.object({ lineId: id, quantity: count }));

/** Orders: what was ordered and cancelled per line, for the orders placed in the period. */
export const ordersFacts = z.object({
  orders: z.array(
    z.object({
      orderId: id,
      customerId: id,
      placedAt: instant,
      lines: z.array(z.object({ lineId: id, sku: id, ordered: count, cancelled: count })),
    }),
  ),
});

/** Inventory: reservations per order line, and the movements each shipment and return caused. */
export const inventoryFacts = z.object({
  lines: z.array(z.object({ orderId: id, lineId: id, reserved: count, backordered: count })),
  /** Movements whose reference is one of the orders' shipments or returns, summed per kind and SKU. */
  movements: z.array(
    z.object({
      reference: id,
      kind: z.string().min(1),
      sku: id,
      quantity: count,
      /** How many movement records make up `quantity`. */
      records: count,
    }),
  ),
});

/** Shipments: every shipment of the orders, its lines, its charges and its confirmation event. */
export const shipmentsFacts = z.object({
  shipments: z.array(
    z.object({
      shipmentId: id,
      orderId: id,
      voided: z.boolean(),
      confirmedAt: instant,
      /** The id `shipments.shipment.confirmed` was published with; null when not kept. */
      confirmedEventId: id.nullable(),
      lines: z.array(z.object({ lineId: id, sku: id, quantity: count })),
      /** Carrier charges in minor units of the order's currency. */
      charges: z.array(z.object({ chargeId: id, amount: z.number().int(), currency: z.string() })),
    }),
  ),
});

/** Billing: invoices, credit notes and what billing judges overdue by its own policies. */
export const billingFacts = z.object({
  invoices: z.array(
    z.object({
      invoiceId: id,
      shipmentId: id,
      orderId: id,
      status: z.string().min(1),
      /** Billing's policy says it should have been issued by now, and nothing holds it. */
      overdue: z.boolean(),
      lines: lineQuantities,
    }),
  ),
  creditNotes: z.array(
    z.object({
      creditNoteId: id,
      number: z.string(),
      invoiceId: id,
      orderId: id,
      reason: z.string().min(1),
      returnId: id.nullable(),
      lines: lineQuantities,
    }),
  ),
  /** Received returns billing has settled (credited, or lowered what will be invoiced). */
  settledReturns: z.array(id),
});

/** Returns: every return of the orders, with what was received and its receipt event. */
export const returnsFacts = z.object({
  returns: z.array(
    z.object({
      returnId: id,
      orderId: id,
      status: z.string().min(1),
      receivedAt: instant.nullable(),
      /** The id `returns.return.received` was published with, once received. */
      receivedEventId: id.nullable(),
      lines: z.array(
        z.object({
          lineId: id,
          sku: id,
          requested: count,
          received: count.nullable(),
          disposition: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export type OrdersFacts = z.infer<typeof ordersFacts>;
export type InventoryFacts = z.infer<typeof inventoryFacts>;
export type ShipmentsFacts = z.infer<typeof shipmentsFacts>;
export type BillingFacts = z.infer<typeof billingFacts>;
export type ReturnsFacts = z.infer<typeof returnsFacts>;
