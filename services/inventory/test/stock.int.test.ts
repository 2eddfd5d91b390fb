import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adjustStock } from "../src/usecases/count.ts";
import { resolveStockException } from "../src/usecases/exceptions.ts";
import { createProduct, receiveStock } from "../src/usecases/products.ts";
import { inventoryHarness, type InventoryHarness } from "./harness.ts";

let h: InventoryHarness;

beforeEach(async () => {
  h = await inventoryHarness(10);
  await createProduct(h.ctx, { sku: "MUG-1", name: "Mug" });
  await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "AMS1", quantity: 40 });
});

afterEach(async () => {
  await h.close();
});

const count = (countedQuantity: number, warehouse = "AMS1") =>
  adjustStock(h.ctx, { sku: "MUG-1", warehouse, countedQuantity, reason: "cycle count" });

describe("products and receipts", () => {
  it("announces a new product once, and refuses a duplicate", async () => {
    expect(await createProduct(h.ctx, { sku: "MUG-1", name: "Mug again" })).toEqual({
      kind: "duplicate",
      sku: "MUG-1",
    });
    expect(await h.emitted("inventory.product.created")).toEqual([{ sku: "MUG-1", name: "Mug" }]);
  });

  it("refuses bad receipts with the field at fault and writes nothing", async () => {
    const bad = [
      [{ sku: "MUG-1", warehouse: "AMS1", quantity: 0 }, "quantity"],
      [{ sku: "MUG-1", warehouse: "AMS1", quantity: -3 }, "quantity"],
      [{ sku: "MUG-1", warehouse: "AMS1", quantity: 1.5 }, "quantity"],
      [{ sku: "MUG-1", warehouse: "bad code!", quantity: 1 }, "warehouse"],
      [{ sku: "MUG-1", warehouse: "", quantity: 1 }, "warehouse"],
    ] as const;
    for (const [input, field] of bad) {
      expect(await receiveStock(h.ctx, input)).toMatchObject({ kind: "invalid", field });
    }
    expect(await receiveStock(h.ctx, { sku: "NOPE", warehouse: "AMS1", quantity: 1 })).toEqual({
      kind: "unknown",
      sku: "NOPE",
    });
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [40, 0] });
    expect(await h.collections.movements.countDocuments({})).toBe(1);
  });
});

describe("cycle counts", () => {
  it("applies a count within the threshold as an ADJUSTMENT", async () => {
    expect(await count(30)).toMatchObject({ kind: "applied" });
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [30, 0] });
    const [latest] = await h.collections.movements.find({}, { sort: { version: -1 }, limit: 1 });
    expect(latest).toMatchObject({ kind: "ADJUSTMENT", quantity: -10, onHandAfter: 30 });
  });

  it("opens an exception for a larger variance and leaves stock alone until it is accepted", async () => {
    const outcome = await count(25);
    if (outcome.kind !== "review") throw new Error(`expected review, got ${outcome.kind}`);
    expect(outcome.exception).toMatchObject({
      kind: "COUNT_VARIANCE",
      status: "OPEN",
      expected: 40,
      counted: 25,
      variance: -15,
    });
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [40, 0] });

    // Five more arrive before finance reviews: accepting applies the variance, not the stale count.
    await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "AMS1", quantity: 5 });
    const id = outcome.exception._id;
    const resolved = await resolveStockException(h.ctx, { id, accept: true, comment: "recounted" });
    expect(resolved).toMatchObject({ kind: "ok", exception: { status: "ACCEPTED" } });
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [30, 0] });
    expect(await resolveStockException(h.ctx, { id, accept: false })).toMatchObject({
      kind: "closed",
    });
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [30, 0] });
  });

  it("discards a rejected count", async () => {
    const outcome = await count(0);
    if (outcome.kind !== "review") throw new Error(`expected review, got ${outcome.kind}`);
    const id = outcome.exception._id;
    expect(await resolveStockException(h.ctx, { id, accept: false })).toMatchObject({
      exception: { status: "REJECTED", resolvedAt: expect.any(Date) as Date },
    });
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [40, 0] });
    const open = await h.collections.exceptions.countDocuments({ status: "OPEN" });
    expect(open).toBe(0);
  });

  it("refuses bad counts and writes nothing", async () => {
    for (const [counted, warehouse, field] of [
      [-1, "AMS1", "countedQuantity"],
      [2.5, "AMS1", "countedQuantity"],
      [3, "not a code", "warehouse"],
    ] as const) {
      expect(await count(counted, warehouse)).toMatchObject({ kind: "invalid", field });
    }
    const blank = await adjustStock(h.ctx, {
      sku: "MUG-1",
      warehouse: "AMS1",
      countedQuantity: 39,
      reason: "  ",
    });
    expect(blank).toMatchObject({ kind: "invalid", field: "reason" });
    expect(
      await adjustStock(h.ctx, { sku: "NOPE", warehouse: "AMS1", countedQuantity: 1, reason: "x" }),
    ).toEqual({ kind: "unknown", sku: "NOPE" });
    expect(await resolveStockException(h.ctx, { id: "sex_missing", accept: true })).toEqual({
      kind: "unknown",
      id: "sex_missing",
    });
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [40, 0] });
    expect(await h.collections.exceptions.countDocuments({})).toBe(0);
  });
});
