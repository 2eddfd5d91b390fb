import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventData, InvoiceStatus } from "@waybill/contracts";
import {
  isSettled,
  newShipmentContext,
  settledAt,
  withInvoice as contextWithInvoice,
} from "../src/customer-service/domain/shipment-context.ts";
import { reconcile } from "../src/lifecycle/domain/reconcile.ts";
import { newShipment, withInvoice, withMilestone } from "../src/lifecycle/domain/told.ts";
import type { OrderRecord, OrderShipmentRecord } from "../src/lifecycle/store/records.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();

const confirmed: EventData<"shipments.shipment.confirmed"> = {
  shipmentId: "shp_1",
  orderId: "ord_1",
  customerId: "cus_1",
  warehouse: "AMS1",
  lines: [{ lineId: "ord_1-1", sku: "MUG-1", quantity: 3 }],
  carrier: "UPS",
  service: "Standard",
  trackingNumber: "1Z1",
  shippedAt: at(0),
  shippingCharge: { amount: 0, currency: "EUR" },
};

const milestone = (
  revision: number,
  deliveredAt: string | null,
): EventData<"shipments.milestone.recorded"> => ({
  shipmentId: "shp_1",
  orderId: "ord_1",
  customerId: "cus_1",
  milestoneId: `m-${revision}`,
  type: deliveredAt ? "DELIVERED" : "IN_TRANSIT",
  occurredAt: at(revision),
  status: deliveredAt ? "DELIVERED" : "IN_TRANSIT",
  deliveredAt,
  revision,
  late: false,
  carrier: "UPS",
  trackingNumber: "1Z1",
  location: null,
  signedBy: null,
  photoReference: null,
  reasonCode: null,
  deliveredQuantity: null,
  shippedQuantity: 3,
});

const invoiceHeld = (
  revision: number,
  status: InvoiceStatus,
): EventData<"billing.invoice.held"> => ({
  invoiceId: "inv_1",
  orderId: "ord_1",
  shipmentId: "shp_1",
  reason: "CARRIER_EXCEPTION",
  detail: "carrier exception",
  heldAt: at(revision),
  status,
  activeHolds: [],
  revision,
});

const invoiceReleased = (
  revision: number,
  status: InvoiceStatus,
): EventData<"billing.invoice.released"> => ({
  invoiceId: "inv_1",
  orderId: "ord_1",
  shipmentId: "shp_1",
  reason: "CARRIER_EXCEPTION",
  releasedBy: "AUTOMATIC",
  comment: null,
  releasedAt: at(revision),
  status,
  activeHolds: [],
  revision,
});

const invoiceIssued = (
  revision: number,
  status: InvoiceStatus,
): EventData<"billing.invoice.issued"> => ({
  invoiceId: "inv_1",
  number: "INV-2026-000001",
  orderId: "ord_1",
  shipmentId: "shp_1",
  customerId: "cus_1",
  lines: [{ lineId: "ord_1-1", quantity: 3 }],
  total: { amount: 6000, currency: "EUR" },
  issuedAt: at(revision),
  touchless: true,
  status,
  activeHolds: [],
  revision,
});

const order = (shipment: OrderShipmentRecord): OrderRecord =>
  reconcile({
    _id: "ord_1",
    customerId: "cus_1",
    channel: "web",
    externalReference: null,
    externalKey: "id:ord_1",
    currency: "EUR",
    billingPolicy: "ON_SHIPMENT",
    timeline: [],
    lines: [
      {
        id: "ord_1-1",
        sku: "MUG-1",
        quantity: 3,
        unitPrice: 2000,
        taxRatePpm: 0,
        cancelledQuantity: 0,
        cancellationReason: null,
        shippedQuantity: 0,
        deliveredQuantity: 0,
        invoicedQuantity: 0,
        reservedQuantity: null,
        backorderedQuantity: null,
      },
    ],
    fulfilmentStatus: "UNFULFILLED",
    billingStatus: "NOT_BILLED",
    placedAt: new Date(at(0)),
    cancelledAt: null,
    cancellationReason: null,
    shipments: [shipment],
  });

/** Shuffles a list by a generated key, so a property sees every arrival order. */
const shuffled = <T>(items: T[], key: (item: T) => number) =>
  [...items].sort((a, b) => key(a) - key(b));

describe("what orders keeps of what shipments and billing told", () => {
  it("keeps the shipment state of the highest revision, whatever order milestones arrive in", () => {
    const told = fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }).map((delivers) => {
      let deliveredAt: string | null = null;
      return delivers.map((delivery, index) => {
        if (delivery) deliveredAt ??= at(index + 1);
        return milestone(index + 1, deliveredAt);
      });
    });
    fc.assert(
      fc.property(told, fc.func(fc.integer()), (events, key) => {
        const shipment = shuffled(events, key).reduce(withMilestone, newShipment(confirmed));
        const newest = events.at(-1);
        expect(shipment.told).toEqual({
          revision: newest?.revision,
          deliveredAt: newest?.deliveredAt ? new Date(newest.deliveredAt) : null,
        });
      }),
    );
  });

  it("keeps billing's newest status and the issued quantities, whatever order invoice events arrive in", () => {
    // Held, released and issued in one transition, held again after the issue, released.
    const events = [
      invoiceHeld(1, "ON_HOLD"),
      invoiceReleased(2, "DRAFT"),
      invoiceIssued(3, "ISSUED"),
      invoiceHeld(4, "ON_HOLD"),
      invoiceReleased(5, "ISSUED"),
    ];
    fc.assert(
      fc.property(fc.func(fc.integer()), (key) => {
        const shipment = shuffled(events, key).reduce(withInvoice, newShipment(confirmed));
        expect(shipment.invoice).toEqual({
          id: "inv_1",
          told: { revision: 5, status: "ISSUED" },
          issuedLines: [{ lineId: "ord_1-1", quantity: 3 }],
        });
      }),
    );
  });

  it("counts delivered and invoiced units and holds the order from what it was told", () => {
    const shipped = newShipment(confirmed);
    expect(order(shipped)).toMatchObject({
      fulfilmentStatus: "SHIPPED",
      billingStatus: "NOT_BILLED",
    });
    const delivered = withMilestone(shipped, milestone(2, at(2)));
    const billed = withInvoice(delivered, invoiceIssued(3, "ISSUED"));
    expect(order(billed)).toMatchObject({
      fulfilmentStatus: "DELIVERED",
      billingStatus: "BILLED",
      lines: [{ shippedQuantity: 3, deliveredQuantity: 3, invoicedQuantity: 3 }],
    });
    const heldAfterIssue = withInvoice(billed, invoiceHeld(4, "ON_HOLD"));
    expect(order(heldAfterIssue)).toMatchObject({
      billingStatus: "ON_HOLD",
      lines: [{ invoicedQuantity: 3 }],
    });
  });

  it("settles a shipment's cases only when it is delivered and billing last told ISSUED", () => {
    const context = newShipmentContext(confirmed);
    const delivered = { ...context, told: { revision: 2, deliveredAt: new Date(at(5)) } };
    const issued = contextWithInvoice(context, invoiceIssued(3, "ISSUED"));
    expect(isSettled(issued)).toBe(false);
    expect(isSettled(delivered)).toBe(false);
    const both = contextWithInvoice(delivered, invoiceIssued(3, "ISSUED"));
    expect(isSettled(both)).toBe(true);
    expect(settledAt(both)).toEqual(new Date(at(5)));
    expect(isSettled(contextWithInvoice(both, invoiceHeld(4, "ON_HOLD")))).toBe(false);
    // A hold billing told before the issue, arriving after it, changes nothing.
    expect(isSettled(contextWithInvoice(both, invoiceHeld(1, "ON_HOLD")))).toBe(true);
  });
});
