import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addClaim, newClaim, openBook } from "../src/domain/book.ts";
import { settle, settleOwn } from "../src/domain/reserve.ts";
import { copy, history, replay } from "./histories.ts";

describe("reserving a placed order in a book of its own claims", () => {
  it("gives what settling the whole book gives, or declines and changes nothing", () => {
    let compared = 0;
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 40 }),
        (steps, quantity, minute) => {
          const book = replay(steps);
          // The new order may carry an earlier placedAt than orders already in the book.
          const placedAt = new Date(Date.UTC(2026, 0, 1, 0, minute));
          const fields = { orderId: "new", lineId: "new-1", lineIndex: 0, sku: book.sku, quantity };
          const whole = copy(book);
          addClaim(whole, newClaim({ ...fields, placedAt }, "OPEN"));
          settle(whole);
          const own = openBook(book.sku, book.stock, []);
          addClaim(own, newClaim({ ...fields, placedAt }, "OPEN"));
          const untouched = copy(own);
          if (!settleOwn(own)) {
            expect(own).toEqual(untouched);
            return;
          }
          compared += 1;
          expect(own.stock).toEqual(whole.stock);
          expect(own.movements).toEqual(whole.movements);
          expect(whole.claims.filter((claim) => claim.orderId !== "new")).toEqual(book.claims);
          expect(own.claims).toEqual(whole.claims.filter((claim) => claim.orderId === "new"));
        },
      ),
      { numRuns: 2_000 },
    );
    expect(compared).toBeGreaterThan(1_000);
  });

  it("declines a book with more reserved than on hand, which only the whole book can settle", () => {
    const own = openBook("SKU-1", [{ warehouse: "AMS1", onHand: 2, reserved: 3 }], []);
    const placedAt = new Date(Date.UTC(2026, 0, 1));
    addClaim(
      own,
      newClaim(
        { orderId: "new", lineId: "l", lineIndex: 0, sku: "SKU-1", quantity: 1, placedAt },
        "OPEN",
      ),
    );
    const untouched = copy(own);
    expect(settleOwn(own)).toBe(false);
    expect(own).toEqual(untouched);
  });
});
