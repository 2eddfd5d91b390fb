import type { EventData } from "@waybill/contracts";
import { isRetryLater } from "@waybill/bus";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { consumeShipment } from "../src/usecases/consume-shipment.ts";
import { createProduct, receiveStock } from "../src/usecases/products.ts";
import { reserveOrder } from "../src/usecases/reserve-order.ts";
import { inventoryHarness, placed, type InventoryHarness } from "./harness.ts";

let h: InventoryHarness;

beforeEach(async () => {
  h = await inventoryHarness();
  await createProduct(h.ctx, { sku: "MUG-1", name: "Mug" });
  await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "AMS1", quantity: 4 });
  await receiveStock(h.ctx, { sku: "MUG-1", warehouse: "BER1", quantity: 1 });
  await h.deliver(reserveOrder, "orders.order.placed", placed("o1", [["MUG-1", 3]]));
});

afterEach(async () => {
  await h.close();
});

function confirmed(
  shipmentId: string,
  warehouse: string,
  quantity: number,
): EventData<"shipments.shipment.confirmed"> {
  return {
    shipmentId,
    orderId: "o1",
    customerId: "cus_1",
    warehouse,
    lines: [{ lineId: "o1-1", sku: "MUG-1", quantity }],
    carrier: "UPS",
    service: "Standard",
    trackingNumber: "1Z",
    shippedAt: new Date().toISOString(),
    shippingCharge: { amount: 0, currency: "EUR" },
  };
}

const ship = (shipmentId: string, warehouse: string, quantity: number) =>
  h.deliver(
    consumeShipment,
    "shipments.shipment.confirmed",
    confirmed(shipmentId, warehouse, quantity),
  );

describe("consumption on shipments.shipment.confirmed", () => {
  it("consumes the reservation in the shipping warehouse and lowers on hand", async () => {
    await ship("shp1", "AMS1", 2);
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [2, 1], BER1: [1, 0] });
    expect(await h.reservations("o1")).toEqual({ "o1-1": [1, 0, "OPEN"] });
    await ship("shp2", "AMS1", 1);
    expect(await h.reservations("o1")).toEqual({ "o1-1": [0, 0, "FULFILLED"] });
    const shipped = await h.collections.movements.find(
      { kind: "SHIPMENT" },
      { sort: { version: 1 } },
    );
    expect(shipped.map((m) => [m.reference, m.quantity, m.onHandAfter])).toEqual([
      ["shp1", 2, 2],
      ["shp2", 1, 1],
    ]);
  });

  it("clamps on hand at zero and opens a shortfall exception instead of going negative", async () => {
    await ship("shp1", "BER1", 3);
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [4, 0], BER1: [0, 0] });
    expect(await h.reservations("o1")).toEqual({ "o1-1": [0, 0, "FULFILLED"] });
    expect(await h.collections.exceptions.find({})).toMatchObject([
      {
        kind: "SHIPMENT_SHORTFALL",
        status: "OPEN",
        warehouse: "BER1",
        expected: 1,
        variance: -2,
        reference: "shp1",
      },
    ]);
  });

  it("waits (retriably) for a line inventory has not reserved yet, writing nothing", async () => {
    const early = { ...confirmed("shp9", "AMS1", 1), orderId: "o2" };
    early.lines = [{ lineId: "o2-1", sku: "MUG-1", quantity: 1 }];
    const error: unknown = await h
      .deliver(consumeShipment, "shipments.shipment.confirmed", early)
      .catch((caught: unknown) => caught);
    expect(isRetryLater(error)).toBe(true);
    expect(await h.stock("MUG-1")).toEqual({ AMS1: [4, 3], BER1: [1, 0] });
  });
});
