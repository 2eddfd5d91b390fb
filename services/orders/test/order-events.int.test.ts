import { isRetryLater } from "@waybill/bus";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { entriesPage } from "../src/customer-service/domain/timeline.ts";
import {
  at,
  confirmed,
  held,
  issued,
  milestone,
  placedOrder,
  released,
} from "./fixtures/orders.ts";
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

describe("orders applying shipment and billing events", () => {
  it("retries a milestone or an invoice whose shipment has not reached orders, then applies them", async () => {
    const order = await placedOrder(h);
    const early = milestone(order, "shp_1", "DELIVERED", 30);
    await expect(h.deliver("shipments.milestone.recorded", early)).rejects.toSatisfy(isRetryLater);
    await expect(
      h.deliver("billing.invoice.issued", issued(order, "shp_1", [3, 2], 5)),
    ).rejects.toSatisfy(isRetryLater);

    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver("shipments.milestone.recorded", early);
    await h.deliver("billing.invoice.issued", issued(order, "shp_1", [3, 2], 5));

    const after = await reload(order._id);
    expect(after.fulfilmentStatus).toBe("DELIVERED");
    expect(after.billingStatus).toBe("BILLED");
    expect(after.lines.map((line) => line.deliveredQuantity)).toEqual([3, 2]);
  });

  it("counts a shipment, a milestone and an invoice once, even when re-sent under new event ids", async () => {
    const order = await placedOrder(h);
    const shipped = confirmed(order, "shp_1", [2, 0]);
    const moving = milestone(order, "shp_1", "IN_TRANSIT", 10);
    const invoice = issued(order, "shp_1", [2, 0], 1);
    for (let i = 0; i < 2; i += 1) {
      await h.deliver("shipments.shipment.confirmed", shipped);
      await h.deliver("shipments.milestone.recorded", moving);
      await h.deliver("billing.invoice.issued", invoice);
    }
    const after = await reload(order._id);
    expect(after.lines.map((line) => [line.shippedQuantity, line.invoicedQuantity])).toEqual([
      [2, 2],
      [0, 0],
    ]);
    expect(after.fulfilmentStatus).toBe("PARTIALLY_SHIPPED");
    expect(after.billingStatus).toBe("PARTIALLY_BILLED");
    expect((await h.timelineOf(order._id)).map((entry) => entry.kind)).toEqual([
      "ORDER_PLACED",
      "SHIPMENT_CONFIRMED",
      "MILESTONE",
      "INVOICE_ISSUED",
    ]);
  });

  it("keeps the newest state shipments told when an older milestone event arrives after it", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    // Recorded in this order by shipments (revisions 1 and 2), delivered to orders the other way.
    const moving = milestone(order, "shp_1", "IN_TRANSIT", 10);
    const delivered = milestone(order, "shp_1", "DELIVERED", 20);
    await h.deliver("shipments.milestone.recorded", delivered);
    await h.deliver("shipments.milestone.recorded", moving);

    const after = await reload(order._id);
    expect(after.shipments[0]?.told).toEqual({ revision: 2, deliveredAt: new Date(at(20)) });
    expect(after.lines.map((line) => line.deliveredQuantity)).toEqual([3, 2]);
    expect(after.fulfilmentStatus).toBe("DELIVERED");
    expect((await h.timelineOf(order._id)).map((entry) => entry.kind)).toEqual([
      "ORDER_PLACED",
      "SHIPMENT_CONFIRMED",
      "MILESTONE",
      "MILESTONE",
    ]);
  });

  it("counts a delivery shipments told, even one it tells with a status that stayed elsewhere", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 0]));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "EXCEPTION", 30));
    // Reported late: the shipment stays in EXCEPTION, but shipments tells it was delivered.
    await h.deliver(
      "shipments.milestone.recorded",
      milestone(order, "shp_1", "DELIVERED", 20, { late: true, status: "EXCEPTION" }),
    );
    const after = await reload(order._id);
    expect(after.lines.map((line) => line.deliveredQuantity)).toEqual([3, 0]);
    expect(after.fulfilmentStatus).toBe("PARTIALLY_DELIVERED");
  });

  it("keeps billing's newest word on an invoice whatever order its events arrive in", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    const hold = held(order, "shp_1", "CARRIER_EXCEPTION", 5, "carrier exception DAMAGED");
    const release = released(order, "shp_1", "CARRIER_EXCEPTION", 6);
    const issue = issued(order, "shp_1", [3, 2], 7);
    await h.deliver("billing.invoice.issued", issue);
    await h.deliver("billing.invoice.released", release);
    await h.deliver("billing.invoice.held", hold);

    const after = await reload(order._id);
    expect(after.shipments[0]?.invoice).toMatchObject({
      told: { revision: 3, status: "ISSUED" },
      issuedLines: issue.lines,
    });
    expect(after.billingStatus).toBe("BILLED");
    expect(after.lines.map((line) => line.invoicedQuantity)).toEqual([3, 2]);
  });

  it("holds the order while billing tells an invoice is on hold, even an issued one", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver("billing.invoice.issued", issued(order, "shp_1", [3, 2], 1));
    await h.deliver("billing.invoice.held", held(order, "shp_1", "QUANTITY_MISMATCH", 2));
    const onHold = await reload(order._id);
    expect(onHold.billingStatus).toBe("ON_HOLD");
    expect(onHold.lines.map((line) => line.invoicedQuantity)).toEqual([3, 2]);

    await h.deliver("billing.invoice.released", released(order, "shp_1", "QUANTITY_MISMATCH", 3));
    expect((await reload(order._id)).billingStatus).toBe("BILLED");
  });

  it("shows inventory's reservation on the lines", async () => {
    const order = await placedOrder(h);
    const [mug, tee] = order.lines;
    if (!mug || !tee) throw new Error("two lines expected");
    await h.deliver("inventory.stock.reserved", {
      orderId: order._id,
      lines: [
        { lineId: mug.id, sku: mug.sku, reserved: 3, backordered: 0 },
        { lineId: tee.id, sku: tee.sku, reserved: 1, backordered: 1 },
      ],
    });
    const after = await reload(order._id);
    expect(after.lines.map((line) => [line.reservedQuantity, line.backorderedQuantity])).toEqual([
      [3, 0],
      [1, 1],
    ]);
  });

  it("puts every event on the timeline in the order things happened, not the order they arrived", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "DELIVERED", 40));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "IN_TRANSIT", 20));
    await h.deliver("billing.invoice.issued", issued(order, "shp_1", [3, 2], 10));
    const page = entriesPage(await h.timelineOf(order._id), { first: 50, after: null });
    const timeline = page.edges.map((edge) => edge.node);
    expect(timeline.map((entry) => [entry.kind, entry.at.toISOString()])).toEqual([
      ["ORDER_PLACED", order.placedAt.toISOString()],
      ["SHIPMENT_CONFIRMED", at(0)],
      ["INVOICE_ISSUED", at(10)],
      ["MILESTONE", at(20)],
      ["MILESTONE", at(40)],
    ]);
  });
});
