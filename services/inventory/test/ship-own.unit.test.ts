import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openBook } from "../src/domain/book.ts";
import { shipFrom, shipFromOwn } from "../src/domain/ship.ts";
import { copy, history, replay, warehouse } from "./histories.ts";

describe("shipping from a book of the order's own claims", () => {
  it("gives what shipping from the whole book gives, or declines", () => {
    let compared = 0;
    fc.assert(
      fc.property(history, fc.nat(), warehouse, fc.nat(), (steps, pick, from, size) => {
        const book = replay(steps);
        const target = book.claims[pick % Math.max(1, book.claims.length)];
        if (!target) return;
        const quantity = 1 + (size % target.quantity);
        const whole = copy(book);
        const own = openBook(book.sku, book.stock, [target]);
        const shortfall = shipFromOwn(own, own.claims[0]!, from, quantity, "s");
        const expected = shipFrom(
          whole,
          whole.claims.find((c) => c._id === target._id)!,
          from,
          quantity,
          "s",
        );
        if (shortfall === null) return;
        compared += 1;
        expect(shortfall).toBe(expected);
        expect(own.stock).toEqual(whole.stock);
        expect(own.movements).toEqual(whole.movements);
        expect(whole.claims).toEqual(
          book.claims.map((claim) => (claim._id === target._id ? own.claims[0] : claim)),
        );
      }),
      { numRuns: 2_000 },
    );
    expect(compared).toBeGreaterThan(100);
  });
});
