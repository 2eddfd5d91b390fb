import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADJUST_STOCK,
  RECEIVE_STOCK,
  RESOLVE_STOCK_EXCEPTION,
  STOCK_EXCEPTIONS,
} from "../documents/inventory.ts";
import { execute, nodes } from "../support/graphql.ts";
import { productStock, stockedProduct } from "../support/inventory.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
});

afterAll(async () => {
  await system?.dispose();
});

describe("stock counts and receipts through the gateway", () => {
  it("applies a small count, holds a large variance for review and applies it on acceptance", async () => {
    await stockedProduct(gateway, "COUNT-1", { AMS1: 40 });
    const adjust = (countedQuantity: number, sku = "COUNT-1") =>
      execute(gateway, ADJUST_STOCK, {
        input: { sku, warehouse: "AMS1", countedQuantity, reason: "cycle count" },
      }).then((data) => data.adjustStock);

    expect(await adjust(35)).toEqual({ __typename: "Product", onHand: 35 });
    const opened = await adjust(20);
    expect(opened).toMatchObject({
      __typename: "StockException",
      kind: "COUNT_VARIANCE",
      status: "OPEN",
      expected: 35,
      counted: 20,
      variance: -15,
    });
    if (opened.__typename !== "StockException") throw new Error(JSON.stringify(opened));
    expect((await productStock(gateway, "COUNT-1")).onHand).toBe(35);
    const { stockExceptions } = await execute(gateway, STOCK_EXCEPTIONS, { status: "OPEN" });
    expect(nodes(stockExceptions).map((exception) => exception.id)).toContain(opened.id);

    const { resolveStockException } = await execute(gateway, RESOLVE_STOCK_EXCEPTION, {
      id: opened.id,
      accept: true,
      comment: "recounted twice",
    });
    expect(resolveStockException).toMatchObject({ status: "ACCEPTED" });
    const counted = await productStock(gateway, "COUNT-1");
    expect(counted).toMatchObject({ onHand: 20, available: 20 });
    expect(nodes(counted.movements).slice(0, 2)).toMatchObject([
      { kind: "ADJUSTMENT", quantity: -15 },
      { kind: "ADJUSTMENT", quantity: -5 },
    ]);

    expect(await adjust(-1)).toMatchObject({
      __typename: "InvalidStockInputError",
      code: "INVALID_STOCK_INPUT",
      field: "countedQuantity",
    });
    expect(await adjust(5, "NO-SUCH-SKU")).toMatchObject({
      __typename: "UnknownProductError",
      code: "UNKNOWN_PRODUCT",
    });
    const again = await execute(gateway, RESOLVE_STOCK_EXCEPTION, {
      id: opened.id,
      accept: false,
    });
    expect(again.resolveStockException).toMatchObject({ code: "STOCK_EXCEPTION_CLOSED" });
    expect((await productStock(gateway, "COUNT-1")).onHand).toBe(20);
  });

  it("refuses bad receipts with typed errors and writes nothing", async () => {
    await stockedProduct(gateway, "BAD-1", { AMS1: 2 });
    for (const [input, field] of [
      [{ warehouse: "AMS1", quantity: 0 }, "quantity"],
      [{ warehouse: "AMS1", quantity: -4 }, "quantity"],
      [{ warehouse: "no spaces!", quantity: 1 }, "warehouse"],
    ] as const) {
      const { receiveStock } = await execute(gateway, RECEIVE_STOCK, {
        input: { sku: "BAD-1", ...input },
      });
      expect(receiveStock).toMatchObject({ __typename: "InvalidStockInputError", field });
    }
    const product = await productStock(gateway, "BAD-1");
    expect(product).toMatchObject({ onHand: 2, stock: [{ warehouse: "AMS1", onHand: 2 }] });
    expect(nodes(product.movements)).toHaveLength(1);
  });
});
