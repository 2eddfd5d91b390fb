import { isRetryLater } from "@waybill/bus";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createProduct, receiveStock } from "../src/usecases/products.ts";
import { releaseLine, releaseOrder } from "../src/usecases/release-order.ts";
import { reserveOrder } from "../src/usecases/reserve-order.ts";
import { inventoryHarness, placed, type InventoryHarness } from "./harness.ts";

let h: InventoryHarness;

beforeEach(async () => {
  h = await inventoryHarness();
  await createProduct(h.ctx, { sku: "MUG-1", name: "Mug" });
  await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "AMS1", quantity: 3 });
  await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "BER1", quantity: 2 });
});

afterEach(async () => {
  await h.close();
});

const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));
const place = (orderId: string, lines: [string, number][], at = minute(0)) =>
  h.deliver(reserveOrder, "orders.order.placed", placed(orderId, lines, at));

describe("reservations on orders.order.placed", () => {
  it("reserves across warehouses, backorders the rest and says so", async () => {
    await place("o1", [
      ["MUG-1", 4],
      ["GHOST-9", 2],
    ]);
    expect(await h.reservations("o1")).toEqual({
      "o1-1": [4, 0, "OPEN"],
      "o1-2": [0, 2, "OPEN"],
    });
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [3, 3], BER1: [2, 1] });
    expect(await h.emitted("inventory.stock.reserved")).toEqual([
      {
        orderId: "o1",
        lines: [
          { lineId: "o1-1", sku: "MUG-1", reserved: 4, backordered: 0 },
          { lineId: "o1-2", sku: "GHOST-9", reserved: 0, backordered: 2 },
        ],
      },
    ]);
  });

  it("never oversells when many orders race for the last units", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => place(`r${i}`, [["MUG-1", 1]], minute(i))),
    );
    const all = await h.collections.reservations.find({ sku: "MUG-1" });
    const reserved = all.flatMap((r) => r.allocations).reduce((sum, a) => sum + a.quantity, 0);
    expect([all.length, reserved, all.reduce((sum, r) => sum + r.backordered, 0)]).toEqual([
      12, 5, 7,
    ]);
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [3, 3], BER1: [2, 2] });
  });

  it("fills backorders oldest order first when stock arrives, announcing what was newly reserved", async () => {
    await place("new", [["MUG-1", 4]], minute(20));
    await place("old", [["MUG-1", 4]], minute(10));
    expect([await h.reservations("new"), await h.reservations("old")]).toEqual([
      { "new-1": [4, 0, "OPEN"] },
      { "old-1": [1, 3, "OPEN"] },
    ]);
    await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "CDG1", quantity: 2 });
    expect(await h.reservations("old")).toEqual({ "old-1": [3, 1, "OPEN"] });
    expect((await h.emitted("inventory.stock.reserved")).at(-1)).toEqual({
      orderId: "old",
      lines: [{ lineId: "old-1", sku: "MUG-1", reserved: 2, backordered: 1 }],
    });
  });

  it("ignores a line it already holds, so a re-sent order reserves nothing twice", async () => {
    await place("o1", [["MUG-1", 2]]);
    await place("o1", [["MUG-1", 2]]);
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [3, 2], BER1: [2, 0] });
  });
});

describe("releases on cancellation", () => {
  it("releases a cancelled order's stock to the oldest backorder", async () => {
    await place("o1", [["MUG-1", 4]], minute(1));
    await place("o2", [["MUG-1", 3]], minute(2));
    await h.deliver(releaseOrder, "orders.order.cancelled", {
      orderId: "o1",
      lines: [],
      reason: "customer request",
      cancelledAt: minute(3).toISOString(),
    });
    expect(await h.reservations("o1")).toEqual({ "o1-1": [0, 0, "CANCELLED"] });
    expect(await h.reservations("o2")).toEqual({ "o2-1": [3, 0, "OPEN"] });
    const releases = await h.collections.movements.find({ kind: "RELEASE", reference: "o1" });
    expect(releases.reduce((sum, m) => sum + m.quantity, 0)).toBe(4);
  });

  it("remembers a line cancelled before its order arrived, and reserves nothing for it", async () => {
    await h.deliver(releaseLine, "orders.order_line.cancelled", {
      orderId: "o1",
      lineId: "o1-1",
      sku: "MUG-1",
      quantity: 2,
      reason: "duplicate line",
      cancelledAt: minute(1).toISOString(),
    });
    await place("o1", [
      ["MUG-1", 2],
      ["MUG-1", 1],
    ]);
    expect(await h.reservations("o1")).toEqual({
      "o1-1": [0, 0, "CANCELLED"],
      "o1-2": [1, 0, "OPEN"],
    });
  });
});

describe("writers racing on one database", () => {
  it("retries a write whose stock changed since it was read, applying it once", async () => {
    const findOne = h.collections.products.findOne.bind(h.collections.products);
    let stale = 2;
    // Another instance bumped the version after this one read: the read looks one version old.
    h.collections.products.findOne = async (filter, options) => {
      const product = await findOne(filter, options);
      return product && stale-- > 0 ? { ...product, version: product.version - 1 } : product;
    };
    expect(
      await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "AMS1", quantity: 5 }),
    ).toMatchObject({ kind: "ok" });
    h.collections.products.findOne = findOne;
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [8, 0], BER1: [2, 0] });
    expect(await h.collections.movements.countDocuments({ kind: "RECEIPT" })).toBe(3);
  });

  it("gives up after repeated conflicts with a retriable error and writes nothing", async () => {
    const findOne = h.collections.products.findOne.bind(h.collections.products);
    h.collections.products.findOne = async (filter, options) => {
      const product = await findOne(filter, options);
      return product && { ...product, version: product.version - 1 };
    };
    const error: unknown = await receiveStock(h.ctx, {
      sku: "MUG-1",
      warehouse: "AMS1",
      quantity: 5,
    }).catch((caught: unknown) => caught);
    h.collections.products.findOne = findOne;
    expect(isRetryLater(error)).toBe(true);
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [3, 0], BER1: [2, 0] });
  });

  it("fails an order of several SKUs as a whole, retriably, when one SKU's stock changed", async () => {
    await createProduct(h.ctx, { sku: "CUP-1", name: "Cup" });
    await receiveStock(h.ctx, { sku: "CUP-1", warehouse: "AMS1", quantity: 4 });
    const find = h.collections.products.find.bind(h.collections.products);
    // Another instance changed CUP-1 after this one read it.
    h.collections.products.find = async (filter, options) =>
      (await find(filter, options)).map((product) =>
        product._id === "CUP-1" ? { ...product, version: product.version - 1 } : product,
      );
    const error: unknown = await place("o1", [
      ["MUG-1", 2],
      ["CUP-1", 1],
    ]).catch((caught: unknown) => caught);
    h.collections.products.find = find;
    expect(isRetryLater(error)).toBe(true);
    expect(await h.reservations("o1")).toEqual({});
    expect([await h.stock("MUG-1"), await h.stock("CUP-1")]).toEqual([
      { AMS1: [3, 0], BER1: [2, 0] },
      { AMS1: [4, 0] },
    ]);
    expect(await h.collections.movements.countDocuments({ kind: "RESERVATION" })).toBe(0);
    await place("o1", [
      ["MUG-1", 2],
      ["CUP-1", 1],
    ]);
    expect(await h.reservations("o1")).toEqual({ "o1-1": [2, 0, "OPEN"], "o1-2": [1, 0, "OPEN"] });
  });
});
