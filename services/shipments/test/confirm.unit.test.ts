import { describe, expect, it } from "vitest";
import { shipmentLines } from "../src/domain/confirm.ts";
import type { OrderProjection, ShipmentRecord } from "../src/store/records.ts";

const order: OrderProjection = {
  _id: "ord_1",
  customerId: "cus_1",
  currency: "EUR",
  lines: [
    { lineId: "l1", sku: "MUG", quantity: 5, cancelled: 0 },
    { lineId: "l2", sku: "TEE", quantity: 3, cancelled: 2 },
  ],
};

const shipped = (lines: ShipmentRecord["lines"]) => ({ lines }) as ShipmentRecord;

describe("what a shipment may carry", () => {
  it("allows partial shipments up to ordered minus already shipped", () => {
    expect(
      shipmentLines(
        order,
        [shipped([{ lineId: "l1", sku: "MUG", quantity: 3 }])],
        [{ lineId: "l1", quantity: 2 }],
      ),
    ).toEqual([{ lineId: "l1", sku: "MUG", quantity: 2 }]);
  });

  it("refuses more than is left, counting repeated lines together and cancelled units", () => {
    expect(
      shipmentLines(
        order,
        [],
        [
          { lineId: "l1", quantity: 3 },
          { lineId: "l1", quantity: 3 },
        ],
      ),
    ).toMatchObject({
      kind: "exceeds",
      lineId: "l1",
      requested: 6,
    });
    expect(shipmentLines(order, [], [{ lineId: "l2", quantity: 2 }])).toMatchObject({
      kind: "exceeds",
      cancelled: 2,
    });
  });

  it("refuses unknown lines, empty shipments and non-positive quantities", () => {
    expect(shipmentLines(order, [], [{ lineId: "nope", quantity: 1 }])).toMatchObject({
      kind: "invalid",
      field: "lines",
    });
    expect(shipmentLines(order, [], [])).toMatchObject({ kind: "invalid" });
    for (const quantity of [0, -1, 1.5]) {
      expect(shipmentLines(order, [], [{ lineId: "l1", quantity }])).toMatchObject({
        kind: "invalid",
        field: "lines.0.quantity",
      });
    }
  });
});
