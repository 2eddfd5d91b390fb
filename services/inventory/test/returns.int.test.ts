// Received returns and voided shipments as inventory consumes them, over the embedded store.
import type { EventData } from "@waybill/contracts";
import { applyOnce, buildEvent, isRetryLater } from "@waybill/bus";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { consumeShipment } from "../src/usecases/consume-shipment.ts";
import { createProduct, receiveStock } from "../src/usecases/products.ts";
import { receiveReturn } from "../src/usecases/receive-return.ts";
import { reserveOrder } from "../src/usecases/reserve-order.ts";
import { voidShipment } from "../src/usecases/void-shipment.ts";
import { inventoryHarness, placed, type InventoryHarness } from "./harness.ts";

let h: InventoryHarness;

beforeEach(async () => {
  h = await inventoryHarness();
  await createProduct(h.ctx, { sku: "MUG-1", name: "Mug" });
  await createProduct(h.ctx, { sku: "TEE-M", name: "T-shirt" });
  await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "AMS1", quantity: 1 });
  await receiveStock(h.ctx, { sku: "TEE-M", warehouse: "AMS1", quantity: 4 });
});

afterEach(async () => {
  await h.close();
});

const received = (
  lines: EventData<"returns.return.received">["lines"],
  returnId = "rma_1",
): EventData<"returns.return.received"> => ({
  returnId,
  orderId: "o0",
  customerId: "cus_1",
  warehouse: "AMS1",
  lines,
  receivedAt: new Date().toISOString(),
});

const line = (
  sku: string,
  units: number,
  disposition: "RESTOCK" | "SCRAP" | "VENDOR_RETURN",
  requested = units,
) => ({ lineId: `o0-${sku}`, sku, requested, received: units, disposition });

const movementsOf = (reference: string) =>
  h.collections.movements.find({ reference }, { sort: { sku: 1, version: 1, index: 1 } });

describe("returns.return.received", () => {
  it("restocks, fills a backorder, and writes off scrapped units without touching stock", async () => {
    await h.deliver(reserveOrder, "orders.order.placed", placed("o1", [["MUG-1", 3]]));
    expect(await h.reservations("o1")).toEqual({ "o1-1": [1, 2, "OPEN"] });
    const event = received([line("MUG-1", 2, "RESTOCK", 3), line("TEE-M", 1, "SCRAP")]);
    await h.deliver(receiveReturn, "returns.return.received", event);

    expect(await h.stock("MUG-1")).toEqual({ AMS1: [3, 3] });
    expect(await h.stock("TEE-M")).toEqual({ AMS1: [4, 0] });
    expect(await h.reservations("o1")).toEqual({ "o1-1": [3, 0, "OPEN"] });
    const moved = await movementsOf("rma_1");
    expect(moved.map((m) => [m.sku, m.kind, m.quantity, m.onHandAfter])).toEqual([
      ["MUG-1", "RETURN_RESTOCK", 2, 3],
      ["TEE-M", "SCRAP", 1, 4],
    ]);
    // The filled backorder is announced, so orders learns the line is reserved.
    expect(await h.emitted("inventory.stock.reserved")).toContainEqual({
      orderId: "o1",
      lines: [{ lineId: "o1-1", sku: "MUG-1", reserved: 2, backordered: 0 }],
    });
  });

  it("records vendor returns and skips lines of which nothing arrived", async () => {
    const event = received([line("MUG-1", 0, "RESTOCK", 1), line("TEE-M", 2, "VENDOR_RETURN")]);
    await h.deliver(receiveReturn, "returns.return.received", event);
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [1, 0] });
    expect(await h.stock("TEE-M")).toEqual({ AMS1: [4, 0] });
    expect((await movementsOf("rma_1")).map((m) => [m.sku, m.kind, m.quantity])).toEqual([
      ["TEE-M", "VENDOR_RETURN", 2],
    ]);
  });

  it("books a return once, even when it is told again under another event id", async () => {
    const event = received([line("MUG-1", 2, "RESTOCK")]);
    await h.deliver(receiveReturn, "returns.return.received", event);
    await h.deliver(receiveReturn, "returns.return.received", event);
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [3, 0] });
    expect(await movementsOf("rma_1")).toHaveLength(1);
  });

  it("applies one event once through the inbox", async () => {
    const event = buildEvent({
      type: "returns.return.received",
      subject: "rma_1",
      source: "returns",
      data: received([line("MUG-1", 2, "RESTOCK")]),
    });
    const { store } = h.ctx.runtime;
    const apply = () =>
      applyOnce(store, "inventory", event, (session) =>
        receiveReturn(h.repo, event, h.ctx.runtime.unitOfWork(session)),
      );
    expect(await apply()).toBe("handled");
    expect(await apply()).toBe("duplicate");
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [3, 0] });
  });

  it("waits (retriably) for a product inventory does not know, writing nothing", async () => {
    const event = received([line("MUG-1", 1, "RESTOCK"), line("NEW-1", 1, "RESTOCK")]);
    const error: unknown = await h
      .deliver(receiveReturn, "returns.return.received", event)
      .catch((caught: unknown) => caught);
    expect(isRetryLater(error)).toBe(true);
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [1, 0] });
    expect(await movementsOf("rma_1")).toEqual([]);
  });
});

describe("shipments.shipment.voided", () => {
  const shipment = { shipmentId: "shp1", orderId: "o1", customerId: "cus_1", warehouse: "AMS1" };
  const lines = [{ lineId: "o1-1", sku: "TEE-M", quantity: 3 }];
  const confirm = () =>
    h.deliver(consumeShipment, "shipments.shipment.confirmed", {
      ...shipment,
      lines,
      carrier: "UPS",
      service: "Standard",
      trackingNumber: "1Z",
      shippedAt: new Date().toISOString(),
      shippingCharge: { amount: 0, currency: "EUR" },
    });
  const voided = () =>
    h.deliver(voidShipment, "shipments.shipment.voided", {
      ...shipment,
      lines,
      reason: "label cancelled",
      voidedAt: new Date().toISOString(),
    });

  beforeEach(async () => {
    await h.deliver(reserveOrder, "orders.order.placed", placed("o1", [["TEE-M", 3]]));
  });

  it("puts the units back on hand and reserved for the order, once", async () => {
    await confirm();
    expect(await h.stock("TEE-M")).toEqual({ AMS1: [1, 0] });
    expect(await h.reservations("o1")).toEqual({ "o1-1": [0, 0, "FULFILLED"] });
    await voided();
    expect(await h.stock("TEE-M")).toEqual({ AMS1: [4, 3] });
    expect(await h.reservations("o1")).toEqual({ "o1-1": [3, 0, "OPEN"] });
    const moved = await movementsOf("shp1");
    expect(moved.map((m) => [m.kind, m.quantity, m.note])).toEqual([
      ["SHIPMENT", 3, null],
      ["ADJUSTMENT", 3, "shipment voided before pickup: label cancelled"],
    ]);
    await voided();
    expect(await h.stock("TEE-M")).toEqual({ AMS1: [4, 3] });
    expect(await movementsOf("shp1")).toHaveLength(2);
  });

  it("waits (retriably) for the confirmation it voids, writing nothing", async () => {
    const error: unknown = await voided().catch((caught: unknown) => caught);
    expect(isRetryLater(error)).toBe(true);
    expect(await h.stock("TEE-M")).toEqual({ AMS1: [4, 3] });
    expect(await movementsOf("shp1")).toEqual([]);
  });
});
