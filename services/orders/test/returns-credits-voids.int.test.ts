import { isRetryLater } from "@waybill/bus";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { confirmed, held, issued, milestone, placedOrder } from "./fixtures/orders.ts";
import {
  adjustmentNote,
  creditNote,
  invoiceVoided,
  returnCancelled,
  returnClosed,
  returnReceived,
  returnRequested,
  returnSettled,
  shipmentVoided,
} from "./fixtures/returns-and-credits.ts";
import { ordersHarness, type OrdersHarness } from "./harness.ts";

let h: OrdersHarness;
beforeEach(async () => {
  h = await ordersHarness();
});
afterEach(async () => {
  await h.close();
});

const reload = async (id: string) => {
  const order = await h.orders.findOrder(id);
  if (!order) throw new Error(`order ${id} vanished`);
  return order;
};

const counts = async (id: string) =>
  (await reload(id)).lines.map((line) => ({
    shipped: line.shippedQuantity,
    invoiced: line.invoicedQuantity,
    returned: line.returnedQuantity,
    credited: line.creditedQuantity,
  }));

/** An order of 3 x MUG-1 and 2 x TEE-M, shipped whole, delivered and invoiced. */
async function deliveredAndBilled() {
  const order = await placedOrder(h);
  await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
  await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "DELIVERED", 10));
  await h.deliver("billing.invoice.issued", issued(order, "shp_1", [3, 2], 11));
  return order;
}

describe("orders applying returns and credit notes", () => {
  it("counts what came back and what was credited per line, and moves both statuses", async () => {
    const order = await deliveredAndBilled();
    await h.deliver("returns.return.requested", returnRequested(order, "ret_1", [2, 0], 20));
    expect((await reload(order._id)).fulfilmentStatus).toBe("DELIVERED");

    await h.deliver("returns.return.received", returnReceived(order, "ret_1", [[2, 2]], 21));
    let after = await reload(order._id);
    expect(after.fulfilmentStatus).toBe("PARTIALLY_RETURNED");
    expect(after.billingStatus).toBe("BILLED");

    await h.deliver("billing.credit_note.issued", creditNote(order, "cn_1", "shp_1", [2, 0], 22));
    after = await reload(order._id);
    expect(after.billingStatus).toBe("PARTIALLY_CREDITED");
    expect(await counts(order._id)).toEqual([
      { shipped: 3, invoiced: 3, returned: 2, credited: 2 },
      { shipped: 2, invoiced: 2, returned: 0, credited: 0 },
    ]);

    // The rest comes back and is credited.
    await h.deliver(
      "returns.return.received",
      returnReceived(
        order,
        "ret_2",
        [
          [1, 1],
          [2, 2],
        ],
        30,
      ),
    );
    await h.deliver("billing.credit_note.issued", creditNote(order, "cn_2", "shp_1", [1, 2], 31));
    after = await reload(order._id);
    expect(after.fulfilmentStatus).toBe("RETURNED");
    expect(after.billingStatus).toBe("CREDITED");
  });

  it("counts a return, a credit note and a settlement once, even re-sent under new event ids", async () => {
    const order = await deliveredAndBilled();
    const received = returnReceived(order, "ret_1", [[2, 1]], 21);
    const credit = creditNote(order, "cn_1", "shp_1", [1, 0], 22);
    const requested = returnRequested(order, "ret_1", [2, 0], 20);
    for (let i = 0; i < 2; i += 1) {
      await h.deliver("returns.return.requested", requested);
      await h.deliver("returns.return.received", received);
      await h.deliver("billing.credit_note.issued", credit);
      await h.deliver("returns.return.closed", returnClosed(order, "ret_1", ["cn_1"], 23));
    }
    expect((await counts(order._id))[0]).toEqual({
      shipped: 3,
      invoiced: 3,
      returned: 1,
      credited: 1,
    });
    const kinds = (await h.timelineOf(order._id)).map((entry) => entry.kind);
    expect(
      kinds.filter((kind) => kind.startsWith("RETURN_") || kind === "CREDIT_NOTE_ISSUED"),
    ).toEqual(["RETURN_REQUESTED", "RETURN_RECEIVED", "CREDIT_NOTE_ISSUED", "RETURN_CLOSED"]);
    // One case for the mismatch, however often the receipt arrived.
    expect(await h.casesOf(order._id)).toHaveLength(1);
  });

  it("opens a case when a return arrives in other quantities than requested, on any line", async () => {
    const order = await deliveredAndBilled();
    await h.deliver("returns.return.received", returnReceived(order, "ret_ok", [[1, 1]], 20));
    expect(await h.casesOf(order._id)).toEqual([]);

    await h.deliver(
      "returns.return.received",
      returnReceived(
        order,
        "ret_short",
        [
          [1, 1],
          [2, 1],
        ],
        21,
      ),
    );
    const [serviceCase] = await h.casesOf(order._id);
    expect(serviceCase).toMatchObject({
      kind: "RETURN_QUANTITY_MISMATCH",
      status: "OPEN",
      returnId: "ret_short",
      shipmentId: null,
    });
    expect(serviceCase?.subject).toContain("1 of 2 x TEE-M");
    expect(serviceCase?.subject).not.toContain("MUG-1");
    const timeline = await h.timelineOf(order._id);
    const receipt = timeline.find((entry) => entry.key === "return:ret_short:received");
    expect(receipt?.message).toContain("2 of 3 requested unit(s)");
    expect(timeline.map((entry) => entry.kind)).toContain("SERVICE_CASE_OPENED");
  });

  it("puts cancelled returns, credit and adjustment notes on the timeline with their figures", async () => {
    const order = await deliveredAndBilled();
    await h.deliver("returns.return.requested", returnRequested(order, "ret_1", [1, 0], 20));
    await h.deliver("returns.return.cancelled", returnCancelled(order, "ret_1", 21));
    await h.deliver("billing.adjustment_note.issued", adjustmentNote(order, "an_1", "shp_1", 22));
    await h.deliver("billing.adjustment_note.issued", adjustmentNote(order, "an_1", "shp_1", 22));
    await h.deliver("billing.credit_note.issued", creditNote(order, "cn_1", "shp_1", [1, 0], 23));
    const entries = (await h.timelineOf(order._id)).slice(-4);
    expect(entries.map((entry) => [entry.kind, entry.reference])).toEqual([
      ["RETURN_REQUESTED", "ret_1"],
      ["RETURN_CANCELLED", "ret_1"],
      ["ADJUSTMENT_NOTE_ISSUED", "an_1"],
      ["CREDIT_NOTE_ISSUED", "cn_1"],
    ]);
    expect(entries[2]?.message).toContain("AN-2026-an_1");
    expect(entries[2]?.message).toContain("15.00 EUR");
    expect(entries[3]?.message).toContain("CN-2026-cn_1");
    expect(entries[3]?.message).toContain("23.99 EUR");
    // A cancelled return brought nothing back.
    expect((await reload(order._id)).fulfilmentStatus).toBe("DELIVERED");
  });

  it("lowers what is billable by what billing says came back before it was invoiced", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver("billing.invoice.issued", issued(order, "shp_1", [2, 2], 5));
    expect((await reload(order._id)).billingStatus).toBe("PARTIALLY_BILLED");
    await h.deliver("billing.return.settled", returnSettled(order, "ret_1", [], [1, 0], 6));
    await h.deliver("billing.return.settled", returnSettled(order, "ret_1", [], [1, 0], 6));
    expect((await reload(order._id)).billingStatus).toBe("BILLED");
  });
});

describe("orders applying a voided shipment", () => {
  it("takes a voided shipment's units off shipped, and its voided invoice off invoiced", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 0]));
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_2", [0, 2]));
    await h.deliver("billing.invoice.held", held(order, "shp_1", "POD_MISSING", 2));
    expect((await reload(order._id)).billingStatus).toBe("ON_HOLD");
    expect((await h.casesOf(order._id)).map((c) => [c.kind, c.status])).toEqual([
      ["INVOICE_HELD", "OPEN"],
    ]);

    const voided = shipmentVoided(order, "shp_1", [3, 0], 3);
    await h.deliver("shipments.shipment.voided", voided);
    await h.deliver("shipments.shipment.voided", voided);
    let after = await reload(order._id);
    expect(after.lines.map((line) => line.shippedQuantity)).toEqual([0, 2]);
    expect(after.fulfilmentStatus).toBe("PARTIALLY_SHIPPED");
    // Until billing tells, the hold is billing's word.
    expect(after.billingStatus).toBe("ON_HOLD");
    // The voided shipment's case has nothing left to follow up.
    const [held1] = await h.casesOf(order._id);
    expect(held1).toMatchObject({ status: "RESOLVED", resolvedAutomatically: true });
    expect(held1?.resolution).toContain("voided before pickup");

    await h.deliver("billing.invoice.voided", invoiceVoided(order, "shp_1", 2, 4));
    after = await reload(order._id);
    expect(after.billingStatus).toBe("NOT_BILLED");
    const kinds = (await h.timelineOf(order._id)).map((entry) => entry.kind);
    expect(
      kinds.filter((kind) => kind.endsWith("_VOIDED") || kind.startsWith("SERVICE_CASE")),
    ).toEqual([
      "SERVICE_CASE_OPENED",
      "SHIPMENT_VOIDED",
      "SERVICE_CASE_RESOLVED",
      "INVOICE_VOIDED",
    ]);
  });

  it("keeps an issued invoice's units invoiced after a void and counts billing's void credit note", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver("billing.invoice.issued", issued(order, "shp_1", [3, 2], 2));
    await h.deliver("shipments.shipment.voided", shipmentVoided(order, "shp_1", [3, 2], 3));
    await h.deliver(
      "billing.credit_note.issued",
      creditNote(order, "cn_v", "shp_1", [3, 2], 4, "VOID"),
    );
    const after = await reload(order._id);
    expect(await counts(order._id)).toEqual([
      { shipped: 0, invoiced: 3, returned: 0, credited: 3 },
      { shipped: 0, invoiced: 2, returned: 0, credited: 2 },
    ]);
    expect(after.fulfilmentStatus).toBe("UNFULFILLED");
    expect(after.billingStatus).toBe("CREDITED");
  });

  it("retries a void whose shipment has not reached orders yet", async () => {
    const order = await placedOrder(h);
    await expect(
      h.deliver("shipments.shipment.voided", shipmentVoided(order, "shp_9", [1, 0], 3)),
    ).rejects.toSatisfy(isRetryLater);
  });
});
