// Voided shipments through billing's consumer: a draft becomes VOID, an issued invoice is credited
// in full, and return units it had taken move to the order's other invoices.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isRetryLater } from "@waybill/bus";
import { podSweep } from "../src/usecases/pod-sweep.ts";
import { billingHarness, type BillingHarness } from "./harness.ts";
import { charge, confirmed, delivered, lineOf, placed, received, voided } from "./fixtures.ts";

let billing: BillingHarness;

beforeEach(async () => {
  billing = await billingHarness();
});

afterEach(() => billing.close());

const year = new Date().getUTCFullYear();
const exception = (orderId: string, shipmentId: string) => ({
  ...delivered(orderId, shipmentId, 2),
  milestoneId: `x-${shipmentId}`,
  type: "EXCEPTION" as const,
  status: "EXCEPTION" as const,
  deliveredAt: null,
  occurredAt: "2026-03-02T12:00:00.000Z",
  reasonCode: "DAMAGED",
});

describe("a voided shipment", () => {
  it("voids its draft: holds end, the void is told with the invoice's state, later milestones change nothing", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [[2, 1000, 200_000]], {
        billingPolicy: "ON_PROOF_OF_DELIVERY",
        customerId: "cus_7",
      }),
    );
    await billing.deliver(
      "shipments.shipment.confirmed",
      confirmed("o1", "s1", { 1: 2 }, 495, "cus_7"),
    );
    await billing.deliver("shipments.milestone.recorded", exception("o1", "s1"));
    expect((await billing.invoiceOf("s1")).status).toBe("ON_HOLD");
    expect(await billing.emitted("billing.invoice.held")).toMatchObject([
      { reason: "CARRIER_EXCEPTION", customerId: "cus_7", revision: 1 },
    ]);

    await billing.deliver("shipments.shipment.voided", voided("o1", "s1", { 1: 2 }));

    const invoice = await billing.invoiceOf("s1");
    // Stamped when the shipment was voided, but no earlier than the invoice was created.
    const voidedAt = new Date(Math.max(Date.parse("2026-03-02T10:00:00.000Z"), +invoice.createdAt));
    expect([invoice.status, invoice.number, invoice.voidedAt]).toEqual(["VOID", null, voidedAt]);
    expect(await billing.emitted("billing.invoice.voided")).toEqual([
      {
        invoiceId: invoice._id,
        orderId: "o1",
        shipmentId: "s1",
        customerId: "cus_7",
        voidedAt: voidedAt.toISOString(),
        status: "VOID",
        activeHolds: [],
        revision: 3,
      },
    ]);
    expect(await billing.emitted("billing.invoice.released")).toMatchObject([
      { reason: "CARRIER_EXCEPTION", releasedBy: "AUTOMATIC", customerId: "cus_7", revision: 2 },
    ]);

    await billing.deliver("shipments.milestone.recorded", {
      ...delivered("o1", "s1", 2),
      type: "PROOF_OF_DELIVERY",
      revision: 2,
    });
    await podSweep(billing.runtime, 1).run();
    expect(await billing.invoiceOf("s1")).toEqual(invoice);
    expect(await billing.emitted("billing.invoice.issued")).toEqual([]);
  });

  it("credits its issued invoice in full, lines, shipping, charges and tax; the invoice stays ISSUED", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [[3, 1999, 200_000]], { billingPolicy: "ON_DELIVERY" }),
    );
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 3 }));
    await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c1", "LIFTGATE", 2500),
    );
    await billing.deliver("shipments.milestone.recorded", delivered("o1", "s1", 3));
    const issued = await billing.invoiceOf("s1");
    expect(issued.status).toBe("ISSUED");

    await billing.deliver("shipments.shipment.voided", voided("o1", "s1", { 1: 3 }));

    const [note, ...others] = await billing.creditNotes();
    expect(others).toEqual([]);
    expect(note).toMatchObject({
      number: `CN-${year}-000001`,
      reason: "VOID",
      returnId: null,
      shippingRefund: 495,
      charges: [{ chargeId: "c1", amount: 2500, tax: 500 }],
      total: issued.total,
    });
    const after = await billing.invoiceOf("s1");
    expect([after.status, after.number, after.credit?.total]).toEqual([
      "ISSUED",
      issued.number,
      issued.total,
    ]);
    expect(await billing.emitted("billing.credit_note.issued")).toMatchObject([
      { reason: "VOID", returnId: null, total: { amount: issued.total } },
    ]);
    expect(await billing.emitted("billing.invoice.voided")).toEqual([]);
  });

  it("credits only what its returns left of an issued invoice", async () => {
    await billing.deliver("orders.order.placed", placed("o1", [[4, 1000, 200_000]]));
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 2 }));
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s2", { 1: 2 }));
    // The newest invoice (s2) takes the returned unit.
    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 1 }));
    await billing.deliver("shipments.shipment.voided", voided("o1", "s1", { 1: 2 }));

    const s1 = await billing.invoiceOf("s1");
    const notes = await billing.creditNotes();
    expect(notes.map((note) => [note.reason, note.invoiceId, note.lines[0]?.quantity])).toEqual([
      ["RETURN", (await billing.invoiceOf("s2"))._id, 1],
      ["VOID", s1._id, 2],
    ]);
    expect(notes[1]?.total).toBe(s1.total);
  });

  it("hands the return units its invoice had taken to the order's other invoices", async () => {
    await billing.deliver("orders.order.placed", placed("o1", [[4, 1000, 200_000]]));
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 2 }));
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s2", { 1: 2 }));
    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 1 }));
    // s2 took the return's unit; voided, it turns out the unit was one of s1's.
    await billing.deliver("shipments.shipment.voided", voided("o1", "s2", { 1: 2 }));

    const [s1, s2] = [await billing.invoiceOf("s1"), await billing.invoiceOf("s2")];
    const notes = await billing.creditNotes();
    expect(
      notes.map((note) => [note.reason, note.invoiceId, note.returnId, note.lines[0]?.quantity]),
    ).toEqual([
      ["RETURN", s2._id, "r1", 1],
      ["VOID", s2._id, null, 1],
      ["RETURN", s1._id, "r1", 1],
    ]);
    // s2 fully credited, s1 credited the returned unit: 1 unit billed net, 1 unit shipped net.
    expect(s2.credit?.total).toBe(s2.total);
    expect(s1.credit?.lines).toEqual([{ lineId: lineOf("o1", 1), quantity: 1 }]);
    expect(s1.returned).toEqual([{ returnId: "r1", lineId: lineOf("o1", 1), quantity: 1 }]);
    expect(s2.returned).toEqual([]);
  });

  it("that overtakes its shipment's confirmation waits for it; told twice, it voids once", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [[2, 1000, 200_000]], { billingPolicy: "ON_DELIVERY" }),
    );
    await expect(
      billing.deliver("shipments.shipment.voided", voided("o1", "s1", { 1: 2 })),
    ).rejects.toSatisfy(isRetryLater);
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 2 }));
    await billing.deliver("shipments.shipment.voided", voided("o1", "s1", { 1: 2 }));
    await billing.deliver("shipments.shipment.voided", voided("o1", "s1", { 1: 2 }));
    expect((await billing.invoiceOf("s1")).status).toBe("VOID");
    expect(await billing.emitted("billing.invoice.voided")).toHaveLength(1);
  });

  it("is never re-billed a carrier charge: it is only a cost", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [[2, 1000, 200_000]], { billingPolicy: "ON_DELIVERY" }),
    );
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 2 }));
    await billing.deliver("shipments.shipment.voided", voided("o1", "s1", { 1: 2 }));
    await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c1", "REDELIVERY", 1500),
    );
    expect((await billing.invoiceOf("s1")).charges).toEqual([]);
    expect(await billing.db.charges.findOne({ _id: "c1" })).toMatchObject({
      billing: "COST_ONLY",
      fulfilmentCost: 1500,
    });
  });
});
