import { describe, expect, it } from "vitest";
import { cancelLine, cancelOrder, cancellationReason } from "../src/lifecycle/domain/cancel.ts";
import { newOrder } from "../src/lifecycle/domain/place-order.ts";
import { reconcile } from "../src/lifecycle/domain/reconcile.ts";
import { newShipment } from "../src/lifecycle/domain/told.ts";
import type { CustomerRecord, OrderRecord } from "../src/lifecycle/store/records.ts";

const customer: CustomerRecord = {
  _id: "cus_1",
  name: "Ada",
  email: "ada@example.com",
  billingPolicy: "ON_SHIPMENT",
  createdAt: new Date(),
};
const now = new Date("2026-01-01T10:00:00Z");

function order(shipped: [number, number] = [0, 0]): OrderRecord {
  const placed = newOrder(
    {
      customerId: customer._id,
      channel: "web",
      currency: "EUR",
      lines: [
        { sku: "MUG-1", quantity: 3, unitPrice: "19.99", taxRate: "20" },
        { sku: "TEE-M", quantity: 2, unitPrice: "12.50", taxRate: "7" },
      ],
    },
    customer,
    { order: "ord_1", line: (index) => `ord_1-${index + 1}` },
    now,
  );
  if ("kind" in placed) throw new Error(placed.message);
  const lines = placed.lines
    .map((line, index) => ({ lineId: line.id, sku: line.sku, quantity: shipped[index] ?? 0 }))
    .filter((line) => line.quantity > 0);
  if (lines.length === 0) return placed;
  const shipment = newShipment({
    shipmentId: "shp_1",
    orderId: placed._id,
    customerId: placed.customerId,
    warehouse: "AMS1",
    lines,
    carrier: "UPS",
    service: "Standard",
    trackingNumber: "1Z999",
    shippedAt: now.toISOString(),
    shippingCharge: { amount: 0, currency: "EUR" },
  });
  return reconcile({ ...placed, shipments: [shipment] });
}

describe("cancellation rules", () => {
  it("cancels every line of an order with nothing shipped, and the order reads CANCELLED", () => {
    const outcome = cancelOrder(order(), "customer changed their mind", now);
    expect(outcome.kind).toBe("cancelled");
    if (outcome.kind !== "cancelled") return;
    expect(outcome.order.fulfilmentStatus).toBe("CANCELLED");
    expect(outcome.order.lines.map((line) => line.cancelledQuantity)).toEqual([3, 2]);
    expect(outcome.lines).toEqual([
      { lineId: "ord_1-1", sku: "MUG-1", quantity: 3 },
      { lineId: "ord_1-2", sku: "TEE-M", quantity: 2 },
    ]);
    expect(cancelOrder(outcome.order, "again", now)).toEqual({
      kind: "already_cancelled",
      lineId: null,
    });
  });

  it("refuses to cancel an order or a line once anything of it has shipped", () => {
    expect(cancelOrder(order([1, 0]), "late", now)).toEqual({
      kind: "shipped",
      lineId: null,
      shippedQuantity: 1,
    });
    expect(cancelLine(order([1, 0]), "ord_1-1", "late", now)).toEqual({
      kind: "shipped",
      lineId: "ord_1-1",
      shippedQuantity: 1,
    });
  });

  it("cancels an unshipped line of a partly shipped order; the rest stays due", () => {
    const outcome = cancelLine(order([3, 0]), "ord_1-2", "out of stock", now);
    if (outcome.kind !== "cancelled") throw new Error(outcome.kind);
    expect(outcome.order.fulfilmentStatus).toBe("SHIPPED");
    expect(outcome.lines).toEqual([{ lineId: "ord_1-2", sku: "TEE-M", quantity: 2 }]);
    expect(outcome.entry).toMatchObject({ kind: "LINE_CANCELLED", reference: "ord_1-2" });
    expect(cancelLine(outcome.order, "ord_1-2", "again", now).kind).toBe("already_cancelled");
    expect(cancelLine(outcome.order, "ord_1-9", "nope", now)).toEqual({
      kind: "unknown_line",
      lineId: "ord_1-9",
    });
  });

  it("wants a reason", () => {
    expect(cancellationReason("  ")).toMatchObject({ kind: "invalid", field: "reason" });
    expect(cancellationReason("x".repeat(501))).toMatchObject({ kind: "invalid" });
    expect(cancellationReason("  damaged  ")).toBe("damaged");
  });
});
