import { describe, expect, it } from "vitest";
import {
  billableQuantity,
  billingStatus,
  fulfilmentStatus,
} from "../src/lifecycle/domain/status.ts";
import type { LineQuantities } from "../src/lifecycle/store/records.ts";

const line = (
  quantity: number,
  counts: Partial<Omit<LineQuantities, "quantity">> = {},
): LineQuantities => ({
  quantity,
  cancelledQuantity: 0,
  shippedQuantity: 0,
  deliveredQuantity: 0,
  invoicedQuantity: 0,
  ...counts,
});

describe("fulfilment status with returns", () => {
  it("is PARTIALLY_RETURNED once some shipped unit came back, RETURNED when all did", () => {
    const delivered = { shippedQuantity: 3, deliveredQuantity: 3 };
    expect(fulfilmentStatus([line(3, delivered)])).toBe("DELIVERED");
    expect(fulfilmentStatus([line(3, { ...delivered, returnedQuantity: 1 })])).toBe(
      "PARTIALLY_RETURNED",
    );
    expect(
      fulfilmentStatus([line(3, { ...delivered, returnedQuantity: 3 }), line(2, delivered)]),
    ).toBe("PARTIALLY_RETURNED");
    expect(
      fulfilmentStatus([
        line(3, { ...delivered, returnedQuantity: 3 }),
        line(2, { shippedQuantity: 2, deliveredQuantity: 2, returnedQuantity: 2 }),
      ]),
    ).toBe("RETURNED");
  });

  it("keeps the shipping statuses when nothing came back, lines written before returns included", () => {
    expect(fulfilmentStatus([line(3, { shippedQuantity: 1 })])).toBe("PARTIALLY_SHIPPED");
    expect(fulfilmentStatus([line(3, { shippedQuantity: 3, returnedQuantity: 0 })])).toBe(
      "SHIPPED",
    );
  });
});

describe("billing status with credit notes", () => {
  const billed = { shippedQuantity: 3, invoicedQuantity: 3 };

  it("is PARTIALLY_CREDITED once some invoiced unit is credited, CREDITED when all are", () => {
    expect(billingStatus([line(3, billed)], false)).toBe("BILLED");
    expect(billingStatus([line(3, { ...billed, creditedQuantity: 1 })], false)).toBe(
      "PARTIALLY_CREDITED",
    );
    expect(billingStatus([line(3, { ...billed, creditedQuantity: 3 })], false)).toBe("CREDITED");
  });

  it("puts a hold before credits, and needs something invoiced to be credited", () => {
    expect(billingStatus([line(3, { ...billed, creditedQuantity: 3 })], true)).toBe("ON_HOLD");
    expect(billingStatus([line(3, { creditedQuantity: 0 })], false)).toBe("NOT_BILLED");
  });

  it("bills a line whole once what came back before invoicing is left out", () => {
    const partly = line(3, { shippedQuantity: 3, invoicedQuantity: 2 });
    expect(billingStatus([partly], false)).toBe("PARTIALLY_BILLED");
    const settled = { ...partly, uninvoicedReturnedQuantity: 1 };
    expect(billableQuantity(settled)).toBe(2);
    expect(billingStatus([settled], false)).toBe("BILLED");
  });
});
