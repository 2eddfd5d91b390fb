import { describe, expect, it } from "vitest";
import { compare, type Facts } from "../src/reconciliation/compare.ts";

const past = "2026-11-01T10:00:00.000Z";
const cutoff = new Date("2026-11-02T00:00:00.000Z");

/** One order of 3 MUG, shipped in one shipment, invoiced, 1 returned (RESTOCK) and credited. */
function agreeing(): Facts {
  return {
    orders: {
      orders: [
        {
          orderId: "o1",
          customerId: "c1",
          placedAt: past,
          lines: [{ lineId: "o1-1", sku: "MUG", ordered: 3, cancelled: 0 }],
        },
      ],
    },
    shipments: {
      shipments: [
        {
          shipmentId: "s1",
          orderId: "o1",
          voided: false,
          confirmedAt: past,
          confirmedEventId: "e-s1",
          lines: [{ lineId: "o1-1", sku: "MUG", quantity: 3 }],
          charges: [{ chargeId: "ch1", amount: 1250, currency: "EUR" }],
        },
      ],
    },
    inventory: {
      lines: [{ orderId: "o1", lineId: "o1-1", reserved: 0, backordered: 0 }],
      movements: [
        { reference: "s1", kind: "SHIPMENT", sku: "MUG", quantity: 3, records: 1 },
        { reference: "r1", kind: "RETURN_RESTOCK", sku: "MUG", quantity: 1, records: 1 },
      ],
    },
    billing: {
      invoices: [
        {
          invoiceId: "i1",
          shipmentId: "s1",
          orderId: "o1",
          status: "ISSUED",
          overdue: false,
          lines: [{ lineId: "o1-1", quantity: 3 }],
        },
      ],
      creditNotes: [
        {
          creditNoteId: "cn1",
          number: "CN-2026-000001",
          invoiceId: "i1",
          orderId: "o1",
          reason: "RETURN",
          returnId: "r1",
          lines: [{ lineId: "o1-1", quantity: 1 }],
        },
      ],
      settledReturns: ["r1"],
    },
    returns: {
      returns: [
        {
          returnId: "r1",
          orderId: "o1",
          status: "CLOSED",
          receivedAt: past,
          receivedEventId: "e-r1",
          lines: [
            { lineId: "o1-1", sku: "MUG", requested: 1, received: 1, disposition: "RESTOCK" },
          ],
        },
      ],
    },
    parked: [],
    heard: { billing: new Set(["e-s1", "e-r1"]), inventory: new Set(["e-s1", "e-r1"]) },
  };
}

const kinds = (facts: Facts) =>
  compare(facts, cutoff).discrepancies.map((d) => [d.kind, d.reference, d.owner, d.heal !== null]);

describe("reconciliation compare", () => {
  it("lines every service's figures up per order line and finds nothing when they agree", () => {
    const { orders, discrepancies } = compare(agreeing(), cutoff);
    expect(discrepancies).toEqual([]);
    expect(orders[0]).toMatchObject({
      charged: { amount: 1250, currency: "EUR" },
      lines: [
        {
          ordered: 3,
          shipped: 3,
          invoiced: 3,
          toInvoice: 0,
          returned: 1,
          credited: 1,
          movements: [
            { kind: "SHIPMENT", quantity: 3 },
            { kind: "RETURN_RESTOCK", quantity: 1 },
          ],
        },
      ],
    });
  });

  it("a shipment billing never heard of is healable by its confirmation; one it heard of is finance's", () => {
    const lost = agreeing();
    lost.billing.invoices = [];
    lost.heard.billing = new Set(["e-r1"]);
    expect(kinds(lost)).toEqual([["SHIPPED_NOT_INVOICED", "s1", "FINANCE", true]]);
    expect(compare(lost, cutoff).discrepancies[0]?.heal).toEqual({
      service: "shipments",
      trigger: { kind: "shipment_confirmed", id: "s1" },
    });

    const deleted = agreeing();
    deleted.billing.invoices = [];
    expect(kinds(deleted)).toEqual([["SHIPPED_NOT_INVOICED", "s1", "FINANCE", false]]);
  });

  it("does not judge a shipment or a return younger than the grace period", () => {
    const young = agreeing();
    young.billing.invoices = [];
    young.billing.settledReturns = [];
    young.shipments.shipments[0]!.confirmedAt = "2026-11-02T00:00:01.000Z";
    young.returns.returns[0]!.receivedAt = "2026-11-02T00:00:01.000Z";
    young.billing.creditNotes = [];
    expect(kinds(young)).toEqual([]);
  });

  it("a doubled movement is operations', a missing one healable when inventory never heard", () => {
    const doubled = agreeing();
    doubled.inventory.movements[0] = {
      ...doubled.inventory.movements[0]!,
      quantity: 6,
      records: 2,
    };
    expect(kinds(doubled)).toEqual([["STOCK_MOVEMENT_DOUBLED", "s1", "OPERATIONS", false]]);

    const missing = agreeing();
    missing.inventory.movements.splice(0, 1);
    missing.heard.inventory = new Set(["e-r1"]);
    expect(kinds(missing)).toEqual([["STOCK_MOVEMENT_MISSING", "s1", "OPERATIONS", true]]);
  });

  it("a credit note without its return, and a return billing never settled", () => {
    const orphan = agreeing();
    orphan.billing.creditNotes.push({
      creditNoteId: "cn2",
      number: "CN-2026-000002",
      invoiceId: "i1",
      orderId: "o1",
      reason: "RETURN",
      returnId: "r-unknown",
      lines: [{ lineId: "o1-1", quantity: 1 }],
    });
    expect(kinds(orphan)).toEqual([["CREDIT_WITHOUT_RETURN", "cn2", "FINANCE", false]]);

    const overCredited = agreeing();
    overCredited.billing.creditNotes[0]!.lines[0]!.quantity = 2;
    expect(kinds(overCredited)).toEqual([["CREDIT_WITHOUT_RETURN", "r1", "FINANCE", false]]);

    const unsettled = agreeing();
    unsettled.billing.settledReturns = [];
    unsettled.billing.creditNotes = [];
    unsettled.heard.billing = new Set(["e-s1"]);
    expect(kinds(unsettled)).toEqual([["RETURN_NOT_CREDITED", "r1", "FINANCE", true]]);
  });

  it("invoiced net of credits above shipped net of returns", () => {
    const above = agreeing();
    above.billing.invoices[0]!.lines[0]!.quantity = 4;
    expect(kinds(above)).toEqual([["INVOICED_ABOVE_SHIPPED", null, "FINANCE", false]]);
  });

  it("keeps a discrepancy's key across reports, and leaves voided shipments out", () => {
    const lost = agreeing();
    lost.billing.invoices = [];
    const [first] = compare(lost, cutoff).discrepancies;
    const [second] = compare(lost, cutoff).discrepancies;
    expect(first?.key).toBe(second?.key);

    const voided = agreeing();
    voided.shipments.shipments[0]!.voided = true;
    voided.billing.invoices[0]!.status = "VOID";
    voided.inventory.movements.splice(0, 1);
    voided.billing.creditNotes = [];
    voided.billing.settledReturns = [];
    voided.returns.returns = [];
    expect(kinds(voided)).toEqual([]);
  });

  it("an event parked longer than the grace period, for an order of the period or none", () => {
    const parked = agreeing();
    parked.parked = [
      { id: "billing/x1", owner: "FINANCE", eventType: "t", orderId: "o1", firstSeenAt: past },
      { id: "billing/x2", owner: "OPERATIONS", eventType: "t", orderId: null, firstSeenAt: past },
      { id: "billing/x3", owner: "FINANCE", eventType: "t", orderId: "other", firstSeenAt: past },
      {
        id: "billing/x4",
        owner: "FINANCE",
        eventType: "t",
        orderId: "o1",
        firstSeenAt: "2026-11-02T00:00:01.000Z",
      },
    ];
    expect(kinds(parked)).toEqual([
      ["EVENT_PARKED", "billing/x1", "FINANCE", false],
      ["EVENT_PARKED", "billing/x2", "OPERATIONS", false],
    ]);
  });
});
