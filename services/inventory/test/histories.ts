// Random histories of one SKU's book, for the property tests of the shortcuts that read less.
import fc from "fast-check";
import { openBook, type Book } from "../src/domain/book.ts";
import { adjustOnHand, receiveInto } from "../src/domain/movements.ts";
import { shipFrom } from "../src/domain/ship.ts";
import { bookWith, place } from "./support.ts";

export const warehouse = fc.constantFrom("AMS1", "BER1", "CDG1");

/** Receipts, orders placed, counts and shipments of one unit, in any order. */
export const history = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant("receive"), warehouse, quantity: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ op: fc.constant("place"), quantity: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ op: fc.constant("count"), warehouse, delta: fc.integer({ min: -8, max: 8 }) }),
    fc.record({ op: fc.constant("ship"), warehouse, pick: fc.nat() }),
  ),
  { maxLength: 30 },
);

type Step = typeof history extends fc.Arbitrary<(infer S)[]> ? S : never;

/** The book after `steps`, each applied as its use case applies it to the whole book. */
export function replay(steps: Step[]): Book {
  const book = bookWith({});
  steps.forEach((step, index) => {
    if (step.op === "receive") receiveInto(book, step.warehouse, step.quantity);
    else if (step.op === "place") place(book, `o${index}`, step.quantity, index);
    else if (step.op === "count") adjustOnHand(book, step.warehouse, step.delta, "count");
    else {
      const open = book.claims.filter((claim) => claim.status === "OPEN");
      const target = open[step.pick % Math.max(1, open.length)];
      if (target) shipFrom(book, target, step.warehouse, 1, `s${index}`);
    }
  });
  return book;
}

/** A copy the rules can change without touching `book`. */
export const copy = (book: Book): Book => openBook(book.sku, book.stock, book.claims);
