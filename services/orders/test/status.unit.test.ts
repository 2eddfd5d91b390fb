import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { billingStatus, dueQuantity, fulfilmentStatus } from "../src/lifecycle/domain/status.ts";
import type { LineQuantities } from "../src/lifecycle/store/records.ts";

const RANK = ["UNFULFILLED", "PARTIALLY_SHIPPED", "SHIPPED", "PARTIALLY_DELIVERED", "DELIVERED"];

/** A line in a state the events can produce: delivered never above shipped. */
const line = fc
  .record({
    quantity: fc.integer({ min: 1, max: 20 }),
    cancelled: fc.boolean(),
    shipped: fc.integer({ min: 0, max: 25 }),
    deliveredShare: fc.integer({ min: 0, max: 25 }),
    invoiced: fc.integer({ min: 0, max: 25 }),
  })
  .map((l): LineQuantities => ({
    quantity: l.quantity,
    cancelledQuantity: l.cancelled ? l.quantity : 0,
    shippedQuantity: l.shipped,
    deliveredQuantity: Math.min(l.deliveredShare, l.shipped),
    invoicedQuantity: l.invoiced,
  }));
const lines = fc.array(line, { minLength: 1, maxLength: 5 });

const of = (quantity: number, shipped = 0, delivered = 0, invoiced = 0): LineQuantities => ({
  quantity,
  cancelledQuantity: 0,
  shippedQuantity: shipped,
  deliveredQuantity: delivered,
  invoicedQuantity: invoiced,
});

describe("fulfilment status", () => {
  it("names the examples a customer would expect", () => {
    expect(fulfilmentStatus([of(3), of(2)])).toBe("UNFULFILLED");
    expect(fulfilmentStatus([of(3, 2), of(2)])).toBe("PARTIALLY_SHIPPED");
    expect(fulfilmentStatus([of(3, 3), of(2, 2)])).toBe("SHIPPED");
    expect(fulfilmentStatus([of(3, 2, 2), of(2)])).toBe("PARTIALLY_DELIVERED");
    expect(fulfilmentStatus([of(3, 3, 3), of(2, 2, 1)])).toBe("PARTIALLY_DELIVERED");
    expect(fulfilmentStatus([of(3, 3, 3), of(2, 2, 2)])).toBe("DELIVERED");
    expect(fulfilmentStatus([{ ...of(3), cancelledQuantity: 3 }])).toBe("CANCELLED");
    // A cancelled line does not keep the rest of the order from being delivered.
    expect(fulfilmentStatus([of(3, 3, 3), { ...of(2), cancelledQuantity: 2 }])).toBe("DELIVERED");
  });

  it("is DELIVERED exactly when everything due has shipped and everything shipped was delivered", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const shippedAny = ls.some((l) => l.shippedQuantity > 0);
        const done = ls.every(
          (l) => l.shippedQuantity >= dueQuantity(l) && l.deliveredQuantity >= l.shippedQuantity,
        );
        expect(fulfilmentStatus(ls) === "DELIVERED").toBe(shippedAny && done);
      }),
    );
  });

  it("is CANCELLED or UNFULFILLED exactly when nothing shipped, CANCELLED when nothing is due", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const status = fulfilmentStatus(ls);
        const nothingShipped = ls.every((l) => l.shippedQuantity === 0);
        const nothingDue = ls.every((l) => dueQuantity(l) === 0);
        expect(status === "CANCELLED").toBe(nothingShipped && nothingDue);
        expect(status === "UNFULFILLED").toBe(nothingShipped && !nothingDue);
      }),
    );
  });

  it("never moves backwards as shipments (never above ordered) and deliveries arrive", () => {
    const step = fc.record({
      index: fc.nat(),
      ship: fc.nat({ max: 5 }),
      deliver: fc.nat({ max: 5 }),
    });
    fc.assert(
      fc.property(lines, fc.array(step, { maxLength: 10 }), (start, steps) => {
        let current = start.map((l) => ({
          ...l,
          cancelledQuantity: 0,
          shippedQuantity: Math.min(l.shippedQuantity, l.quantity),
          deliveredQuantity: Math.min(l.deliveredQuantity, l.quantity),
        }));
        let rank = RANK.indexOf(fulfilmentStatus(current));
        for (const { index, ship, deliver } of steps) {
          const at = index % current.length;
          current = current.map((l, i) => {
            if (i !== at) return l;
            const shipped = Math.min(l.quantity, l.shippedQuantity + ship);
            return {
              ...l,
              shippedQuantity: shipped,
              deliveredQuantity: Math.min(shipped, l.deliveredQuantity + deliver),
            };
          });
          const next = RANK.indexOf(fulfilmentStatus(current));
          expect(next).toBeGreaterThanOrEqual(rank);
          rank = next;
        }
      }),
    );
  });
});

describe("billing status", () => {
  it("is ON_HOLD whenever an invoice is held, whatever the quantities", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        expect(billingStatus(ls, true)).toBe("ON_HOLD");
      }),
    );
  });

  it("is BILLED exactly when something is invoiced and every line's due quantity is", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const status = billingStatus(ls, false);
        const invoicedAny = ls.some((l) => l.invoicedQuantity > 0);
        const all = ls.every((l) => l.invoicedQuantity >= dueQuantity(l));
        expect(status === "BILLED").toBe(invoicedAny && all);
        expect(status === "NOT_BILLED").toBe(!invoicedAny);
        expect(status === "PARTIALLY_BILLED").toBe(invoicedAny && !all);
      }),
    );
  });

  it("counts quantities, not amounts: a line billed in three invoices is BILLED", () => {
    expect(billingStatus([of(3, 3, 0, 1)], false)).toBe("PARTIALLY_BILLED");
    expect(billingStatus([of(3, 3, 0, 3)], false)).toBe("BILLED");
  });
});
