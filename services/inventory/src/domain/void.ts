import { level, record, type Book, type Claim } from "./book.ts";
import { reserveIn, settle } from "./reserve.ts";

/**
 * A shipment of one order line was voided before pickup: its goods never left `warehouse`. The
 * units are put back on hand (an ADJUSTMENT of +quantity referencing the shipment: a SHIPMENT
 * movement stays what left the building), the line counts them unshipped again, and they are
 * reserved for it again there (RESERVATION), a fulfilled line reopening. A line cancelled since
 * holds nothing: the units fill other orders' backorders instead.
 */
export function unship(
  book: Book,
  claim: Claim,
  warehouse: string,
  quantity: number,
  reference: string,
  note: string,
): void {
  if (quantity > claim.shipped)
    throw new RangeError(`claim ${claim._id} shipped ${claim.shipped}, not ${quantity}`);
  level(book, warehouse).onHand += quantity;
  record(book, { kind: "ADJUSTMENT", warehouse, quantity, reference, note });
  claim.shipped -= quantity;
  if (claim.status !== "CANCELLED") {
    claim.status = "OPEN";
    reserveIn(book, claim, warehouse, quantity);
  }
  settle(book);
}
