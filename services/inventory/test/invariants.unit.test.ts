import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reservedOf, type Book } from "../src/domain/book.ts";
import { adjustOnHand, receiveInto } from "../src/domain/movements.ts";
import { cancelClaim, settle } from "../src/domain/reserve.ts";
import { bookReturnedUnits } from "../src/domain/returns.ts";
import { shipFrom } from "../src/domain/ship.ts";
import { available } from "../src/domain/stock.ts";
import { unship } from "../src/domain/void.ts";
import { bookWith, place } from "./support.ts";

const warehouse = fc.constantFrom("AMS1", "BER1", "CDG1");
const step = fc.oneof(
  fc.record({ op: fc.constant("receive"), warehouse, quantity: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    op: fc.constant("place"),
    quantity: fc.integer({ min: 1, max: 6 }),
    minute: fc.integer({ min: 0, max: 59 }),
  }),
  fc.record({ op: fc.constant("cancel"), pick: fc.nat() }),
  fc.record({ op: fc.constant("ship"), pick: fc.nat(), warehouse, quantity: fc.nat() }),
  fc.record({ op: fc.constant("count"), warehouse, delta: fc.integer({ min: -8, max: 8 }) }),
  fc.record({ op: fc.constant("void"), pick: fc.nat(), warehouse, quantity: fc.nat() }),
  fc.record({
    op: fc.constant("return"),
    warehouse,
    disposition: fc.constantFrom("RESTOCK", "SCRAP", "VENDOR_RETURN"),
    quantity: fc.integer({ min: 0, max: 6 }),
  }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** Applies one step; returns the change of total on hand it caused. */
function apply(book: Book, action: Step, index: number): number {
  const open = book.claims.filter((claim) => claim.status === "OPEN");
  switch (action.op) {
    case "receive":
      receiveInto(book, action.warehouse, action.quantity);
      return action.quantity;
    case "place":
      place(book, `o${index}`, action.quantity, action.minute);
      return 0;
    case "cancel": {
      const claim = open[action.pick % Math.max(1, open.length)];
      if (claim) cancelClaim(book, claim, "cancelled");
      settle(book);
      return 0;
    }
    case "ship": {
      const claim = open[action.pick % Math.max(1, open.length)];
      if (!claim) return 0;
      const quantity = 1 + (action.quantity % (claim.quantity - claim.shipped));
      return -(quantity - shipFrom(book, claim, action.warehouse, quantity, `s${index}`));
    }
    case "count":
      return adjustOnHand(book, action.warehouse, action.delta, "count");
    case "void": {
      const shipped = book.claims.filter((claim) => claim.shipped > 0);
      const claim = shipped[action.pick % Math.max(1, shipped.length)];
      if (!claim) return 0;
      const quantity = 1 + (action.quantity % claim.shipped);
      unship(book, claim, action.warehouse, quantity, `s${index}`, "voided");
      return quantity;
    }
    case "return":
      bookReturnedUnits(book, action.warehouse, action.disposition, action.quantity, `r${index}`);
      return action.disposition === "RESTOCK" ? action.quantity : 0;
  }
}

function checkInvariants(book: Book, expectedOnHand: number): void {
  for (const level of book.stock) {
    const allocated = book.claims.reduce(
      (sum, claim) =>
        sum + (claim.allocations.find((a) => a.warehouse === level.warehouse)?.quantity ?? 0),
      0,
    );
    expect(level.onHand).toBeGreaterThanOrEqual(0);
    expect(level.reserved).toBeGreaterThanOrEqual(0);
    expect(level.reserved).toBeLessThanOrEqual(level.onHand); // never oversold
    expect(level.reserved).toBe(allocated);
  }
  for (const claim of book.claims) {
    expect(claim.allocations.every((a) => Number.isInteger(a.quantity) && a.quantity > 0)).toBe(
      true,
    );
    expect(claim.backordered).toBeGreaterThanOrEqual(0);
    if (claim.status === "OPEN") {
      expect(reservedOf(claim) + claim.backordered + claim.shipped).toBe(claim.quantity);
    } else {
      expect([reservedOf(claim), claim.backordered]).toEqual([0, 0]);
    }
  }
  const waiting = book.claims.some((claim) => claim.status === "OPEN" && claim.backordered > 0);
  // A backorder never waits while stock is available to promise.
  if (waiting) expect(book.stock.reduce((sum, level) => sum + available(level), 0)).toBe(0);
  expect(book.stock.reduce((sum, level) => sum + level.onHand, 0)).toBe(expectedOnHand);
}

describe("stock invariants over random sequences", () => {
  it("never goes negative, never oversells, keeps every claim whole and every unit accounted for, voids and returns included", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const book = bookWith({});
        let onHand = 0;
        steps.forEach((action, index) => {
          onHand += apply(book, action, index);
          checkInvariants(book, onHand);
        });
      }),
      { numRuns: 300 },
    );
  });
});
