import { isRetryLater } from "@waybill/bus";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chronological } from "../src/domain/timeline.ts";
import { at, confirmed, issued, milestone, placedOrder } from "./fixtures/orders.ts";
import { ordersHarness, type OrdersHarness } from "./harness.ts";

let h: OrdersHarness;
beforeEach(async () => {
  h = await ordersHarness();
});
afterEach(async () => {
  await h.close();
});

const reload = async (id: string) => {
  const order = await h.repo.findOrder(id);
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
    for (let i = 0; i < 2; i += 1) {
      await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [2, 0]));
      await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "IN_TRANSIT", 10));
      await h.deliver("billing.invoice.issued", issued(order, "shp_1", [2, 0], 1));
    }
    const after = await reload(order._id);
    expect(after.lines.map((line) => [line.shippedQuantity, line.invoicedQuantity])).toEqual([
      [2, 2],
      [0, 0],
    ]);
    expect(after.fulfilmentStatus).toBe("PARTIALLY_SHIPPED");
    expect(after.billingStatus).toBe("PARTIALLY_BILLED");
    expect(after.timeline.map((entry) => entry.kind)).toEqual([
      "ORDER_PLACED",
      "SHIPMENT_CONFIRMED",
      "MILESTONE",
      "INVOICE_ISSUED",
    ]);
  });

  it("keeps the status of the newest milestone when an older one arrives after it", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver(
      "shipments.milestone.recorded",
      milestone(order, "shp_1", "OUT_FOR_DELIVERY", 20),
    );
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "IN_TRANSIT", 10));
    const [shipment] = (await reload(order._id)).shipments;
    expect(shipment?.status).toBe("OUT_FOR_DELIVERY");
    expect(shipment?.milestones.map((m) => m.type)).toEqual(["OUT_FOR_DELIVERY", "IN_TRANSIT"]);
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
    const timeline = chronological((await reload(order._id)).timeline);
    expect(timeline.map((entry) => [entry.kind, entry.at.toISOString()])).toEqual([
      ["ORDER_PLACED", order.placedAt.toISOString()],
      ["SHIPMENT_CONFIRMED", at(0)],
      ["INVOICE_ISSUED", at(10)],
      ["MILESTONE", at(20)],
      ["MILESTONE", at(40)],
    ]);
  });
});
