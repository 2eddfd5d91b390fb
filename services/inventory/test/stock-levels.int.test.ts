// Every change of a warehouse's on hand or reserved is told once per (SKU, warehouse), after the
// change, with what is available to promise and the level's own revision.
import type { EventData } from "@waybill/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adjustStock } from "../src/usecases/count.ts";
import { consumeShipment } from "../src/usecases/consume-shipment.ts";
import { createProduct, receiveStock } from "../src/usecases/products.ts";
import { reserveOrder } from "../src/usecases/reserve-order.ts";
import { inventoryHarness, placed, type InventoryHarness } from "./harness.ts";

let h: InventoryHarness;

beforeEach(async () => {
  h = await inventoryHarness(10);
  await createProduct(h.ctx, { sku: "MUG-1", name: "Mug" });
  await createProduct(h.ctx, { sku: "CUP-1", name: "Cup" });
});

afterEach(async () => {
  await h.close();
});

/** `[sku, warehouse, onHand, reserved, available, revision]` of each level told so far. */
async function told() {
  const events = await h.emitted("inventory.stock_level.changed");
  for (const event of events) expect(Number.isNaN(Date.parse(event.changedAt))).toBe(false);
  return events.map((e) => [e.sku, e.warehouse, e.onHand, e.reserved, e.available, e.revision]);
}

const shipped = (quantity: number): EventData<"shipments.shipment.confirmed"> => ({
  shipmentId: "s1",
  orderId: "o1",
  customerId: "cus_1",
  warehouse: "AMS1",
  lines: [{ lineId: "o1-1", sku: "MUG-1", quantity }],
  carrier: "UPS",
  service: "Standard",
  trackingNumber: "1Z",
  shippedAt: new Date().toISOString(),
  shippingCharge: { amount: 0, currency: "EUR" },
});

describe("stock levels", () => {
  it("are told after a receipt, a reservation, a shipment and a count, each level with its own revision", async () => {
    await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "AMS1", quantity: 10 });
    await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "BER1", quantity: 2 });
    await receiveStock(h.ctx, { sku: "CUP-1", warehouse: "AMS1", quantity: 5 });
    expect(await told()).toEqual([
      ["MUG-1", "AMS1", 10, 0, 10, 1],
      ["MUG-1", "BER1", 2, 0, 2, 1],
      ["CUP-1", "AMS1", 5, 0, 5, 1],
    ]);

    // Three lines on two SKUs: one event per (SKU, warehouse), however many lines moved it.
    const order = placed("o1", [
      ["MUG-1", 3],
      ["CUP-1", 2],
      ["MUG-1", 1],
    ]);
    await h.deliver(reserveOrder, "orders.order.placed", order);
    expect((await told()).slice(3)).toEqual([
      ["CUP-1", "AMS1", 5, 2, 3, 2],
      ["MUG-1", "AMS1", 10, 4, 6, 2],
    ]);

    await h.deliver(consumeShipment, "shipments.shipment.confirmed", shipped(3));
    expect((await told()).slice(5)).toEqual([["MUG-1", "AMS1", 7, 1, 6, 3]]);

    expect(
      await adjustStock(h.ctx, {
        sku: "MUG-1",
        warehouse: "AMS1",
        countedQuantity: 9,
        reason: "cycle count",
      }),
    ).toMatchObject({ kind: "applied" });
    expect((await told()).slice(6)).toEqual([["MUG-1", "AMS1", 9, 1, 8, 4]]);
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [9, 1], BER1: [2, 0] });
  });

  it("are not told when a change leaves them as they were", async () => {
    await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "AMS1", quantity: 10 });
    const count = { sku: "MUG-1", warehouse: "AMS1", countedQuantity: 10, reason: "cycle count" };
    await adjustStock(h.ctx, count);
    // A reservation for a SKU with nothing on hand backorders it: no level moves.
    await h.deliver(reserveOrder, "orders.order.placed", placed("o1", [["CUP-1", 2]]));
    expect(await told()).toEqual([["MUG-1", "AMS1", 10, 0, 10, 1]]);
  });
});
