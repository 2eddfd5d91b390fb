// What subscribers to an order hear (`orders.order.updated`): its statuses after every change that
// moved one of them, with a revision that counts those changes without gaps, and nothing for a
// change that left both as they were.
import type { EventData } from "@waybill/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cancel } from "../src/lifecycle/usecases/cancel-order.ts";
import type { OrderRecord } from "../src/lifecycle/store/records.ts";
import { confirmed, held, issued, milestone, placedOrder, released } from "./fixtures/orders.ts";
import { creditNote, returnReceived, shipmentVoided } from "./fixtures/returns-and-credits.ts";
import { ordersHarness, type OrdersHarness } from "./harness.ts";

let h: OrdersHarness;
beforeEach(async () => {
  h = await ordersHarness();
});
afterEach(async () => {
  await h.close();
});

/** Every `orders.order.updated` of the order so far, oldest first. */
async function updates(order: OrderRecord): Promise<EventData<"orders.order.updated">[]> {
  const events = await h.emitted();
  return events.flatMap((event) =>
    event.type === "orders.order.updated" && event.subject === order._id
      ? [event.data as EventData<"orders.order.updated">]
      : [],
  );
}

/** `[fulfilmentStatus, billingStatus, revision]` of each update told so far. */
const told = async (order: OrderRecord) =>
  (await updates(order)).map((data) => [data.fulfilmentStatus, data.billingStatus, data.revision]);

describe("an order's told state", () => {
  it("is told at placement and after every status change, through shipments, delivery, invoices, holds, returns and credit", async () => {
    const order = await placedOrder(h);
    // Shipped in two parts, the first moving without changing the order's statuses.
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [2, 0]));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "IN_TRANSIT", 5));
    const firstInvoice = issued(order, "shp_1", [2, 0], 6);
    await h.deliver("billing.invoice.issued", firstInvoice);
    await h.deliver("billing.invoice.issued", firstInvoice);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_2", [1, 2]));
    await h.deliver("billing.invoice.held", held(order, "shp_2", "POD_MISSING", 8));
    await h.deliver("billing.invoice.released", released(order, "shp_2", "POD_MISSING", 9));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "DELIVERED", 10));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_2", "DELIVERED", 11));
    await h.deliver("billing.invoice.issued", issued(order, "shp_2", [1, 2], 12));
    await h.deliver("returns.return.received", returnReceived(order, "ret_1", [[1, 1]], 13));
    await h.deliver("billing.credit_note.issued", creditNote(order, "cn_1", "shp_1", [1, 0], 14));

    expect(await told(order)).toEqual([
      ["UNFULFILLED", "NOT_BILLED", 1],
      ["PARTIALLY_SHIPPED", "NOT_BILLED", 2],
      ["PARTIALLY_SHIPPED", "PARTIALLY_BILLED", 3],
      ["SHIPPED", "PARTIALLY_BILLED", 4],
      ["SHIPPED", "ON_HOLD", 5],
      ["SHIPPED", "PARTIALLY_BILLED", 6],
      ["PARTIALLY_DELIVERED", "PARTIALLY_BILLED", 7],
      ["DELIVERED", "PARTIALLY_BILLED", 8],
      ["DELIVERED", "BILLED", 9],
      ["PARTIALLY_RETURNED", "BILLED", 10],
      ["PARTIALLY_RETURNED", "PARTIALLY_CREDITED", 11],
    ]);
    const all = await updates(order);
    expect(all[0]?.updatedAt).toBe(order.placedAt.toISOString());
    for (const data of all) {
      expect(data.customerId).toBe(order.customerId);
      expect(Date.parse(data.updatedAt)).toBeGreaterThanOrEqual(order.placedAt.getTime());
    }
    // The order keeps the revision it last told.
    expect((await h.orders.findOrder(order._id))?.revision).toBe(11);
  });

  it("is told after a cancellation or a void that moves a status, and not after one that does not", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 0]));
    await h.deliver("shipments.shipment.voided", shipmentVoided(order, "shp_1", [3, 0], 2));
    const tees = order.lines[1];
    // Cancelling one of two unshipped lines leaves the order UNFULFILLED.
    const line = { orderId: order._id, lineId: tees?.id ?? "", reason: "out of stock" };
    expect(await cancel(h.ctx(), line)).toMatchObject({ kind: "cancelled" });
    expect(await cancel(h.ctx(), { orderId: order._id, reason: "changed mind" })).toMatchObject({
      kind: "cancelled",
    });

    expect(await told(order)).toEqual([
      ["UNFULFILLED", "NOT_BILLED", 1],
      ["PARTIALLY_SHIPPED", "NOT_BILLED", 2],
      ["UNFULFILLED", "NOT_BILLED", 3],
      ["CANCELLED", "NOT_BILLED", 4],
    ]);
    // Told after the cancellation it follows from.
    const types = (await h.emitted()).map((event) => event.type);
    expect(types.slice(-2)).toEqual(["orders.order.cancelled", "orders.order.updated"]);
  });
});
