import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cancel } from "../src/lifecycle/usecases/cancel-order.ts";
import { placeOrder } from "../src/lifecycle/usecases/place-order.ts";
import { confirmed, placedOrder } from "./fixtures/orders.ts";
import { ordersHarness, type OrdersHarness } from "./harness.ts";

let h: OrdersHarness;
beforeEach(async () => {
  h = await ordersHarness();
});
afterEach(async () => {
  await h.close();
});

const typesEmitted = async () => (await h.emitted()).map((event) => event.type);

describe("placing and cancelling orders", () => {
  it("refuses an order with an unknown SKU and writes nothing, not even its event", async () => {
    const order = await placedOrder(h);
    const outcome = await placeOrder(h.ctx(), {
      customerId: order.customerId,
      channel: "web",
      currency: "EUR",
      lines: [
        { sku: "MUG-1", quantity: 1, unitPrice: "1.00", taxRate: "0" },
        { sku: "GHOST-1", quantity: 1, unitPrice: "1.00", taxRate: "0" },
      ],
    });
    expect(outcome).toEqual({ kind: "unknown_sku", skus: ["GHOST-1"] });
    expect(await h.count("orders")).toBe(1);
    expect(await typesEmitted()).toEqual(["orders.order.placed", "orders.order.updated"]);
  });

  it("emits orders.order_line.cancelled with the quantity due, then orders.order.cancelled for the rest", async () => {
    const order = await placedOrder(h);
    const [mug, tee] = order.lines;
    if (!mug || !tee) throw new Error("two lines expected");
    await cancel(h.ctx(), { orderId: order._id, lineId: tee.id, reason: "out of stock" });
    await cancel(h.ctx(), { orderId: order._id, reason: "customer request" });
    // The order's told state follows each change that moved its statuses (order-updated tests).
    const [, lineCancelled, orderCancelled] = (await h.emitted()).filter(
      (event) => event.type !== "orders.order.updated",
    );
    expect(lineCancelled).toMatchObject({
      type: "orders.order_line.cancelled",
      data: {
        orderId: order._id,
        lineId: tee.id,
        sku: "TEE-M",
        quantity: 2,
        reason: "out of stock",
      },
    });
    expect(orderCancelled).toMatchObject({
      type: "orders.order.cancelled",
      data: { lines: [{ lineId: mug.id, sku: "MUG-1", quantity: 3 }], reason: "customer request" },
    });
    expect((await h.orders.findOrder(order._id))?.fulfilmentStatus).toBe("CANCELLED");
  });

  it("writes and emits nothing when it refuses a cancellation", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [1, 0]));
    const before = await h.orders.findOrder(order._id);
    const emittedBefore = await typesEmitted();
    expect(await cancel(h.ctx(), { orderId: order._id, reason: "late" })).toMatchObject({
      kind: "shipped",
    });
    expect(await cancel(h.ctx(), { orderId: order._id, reason: "" })).toMatchObject({
      kind: "invalid",
    });
    expect(await cancel(h.ctx(), { orderId: "ord_missing", reason: "x" })).toEqual({
      kind: "unknown_order",
      orderId: "ord_missing",
    });
    expect(await h.orders.findOrder(order._id)).toEqual(before);
    expect(await typesEmitted()).toEqual(emittedBefore);
  });
});
