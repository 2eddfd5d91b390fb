import { describe, expect, it } from "vitest";
import { documentNumber, priceShipment } from "../src/domain/invoice.ts";
import type { OrderTerms } from "../src/store/records.ts";

const terms: OrderTerms = {
  _id: "ord_1",
  customerId: "cus_1",
  currency: "EUR",
  billingPolicy: "ON_SHIPMENT",
  lines: [
    { lineId: "l1", sku: "MUG", quantity: 3, unitPrice: 1999, taxRatePpm: 200_000 },
    { lineId: "l2", sku: "BOOK", quantity: 2, unitPrice: 1250, taxRatePpm: 70_000 },
  ],
};

describe("pricing a shipment", () => {
  it("bills only shipped quantities, taxes per line and adds shipping", () => {
    const amounts = priceShipment(
      terms,
      [
        { lineId: "l1", quantity: 2 },
        { lineId: "l2", quantity: 1 },
      ],
      495,
    );
    expect(amounts.lines.map((line) => [line.net, line.tax])).toEqual([
      [3998, 800], // 799.6 rounds to 800
      [1250, 88], // 87.5 rounds half away from zero
    ]);
    expect(amounts.shippingTax).toBe(99); // 495 at 20 % = 99
    expect(amounts.subtotal).toBe(3998 + 1250 + 495);
    expect(amounts.taxTotal).toBe(800 + 88 + 99);
    expect(amounts.total).toBe(amounts.subtotal + amounts.taxTotal);
  });

  it("refuses a line the order does not have", () => {
    expect(() => priceShipment(terms, [{ lineId: "nope", quantity: 1 }], 0)).toThrow(
      /no line nope/,
    );
  });

  it("numbers documents in a fixed-width series", () => {
    expect(documentNumber("INV-2026", 42)).toBe("INV-2026-000042");
  });
});
