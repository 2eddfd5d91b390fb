// Builders for the domain tests.
import {
  addClaim,
  newClaim,
  openBook,
  reservedOf,
  type Book,
  type Claim,
} from "../src/domain/book.ts";
import { settle } from "../src/domain/reserve.ts";

/** A book for SKU "SKU-1" with `onHand` per warehouse and nothing reserved. */
export function bookWith(onHand: Record<string, number>): Book {
  const stock = Object.entries(onHand).map(([warehouse, units]) => ({
    warehouse,
    onHand: units,
    reserved: 0,
  }));
  return openBook("SKU-1", stock, []);
}

/** Places an order line of `quantity` at minute `minute` and settles, as `orders.order.placed` does. */
export function place(book: Book, orderId: string, quantity: number, minute = 0): Claim {
  const placedAt = new Date(Date.UTC(2026, 0, 1, 0, minute));
  const fields = {
    orderId,
    lineId: `${orderId}-1`,
    lineIndex: 0,
    sku: book.sku,
    quantity,
    placedAt,
  };
  const claim = addClaim(book, newClaim(fields, "OPEN"));
  settle(book);
  return claim;
}

/** `{ warehouse: [onHand, reserved] }`, for compact expectations. */
export const levels = (book: Book) =>
  Object.fromEntries(book.stock.map((level) => [level.warehouse, [level.onHand, level.reserved]]));

/** `[reserved, backordered]` of an order's claim. */
export function held(book: Book, orderId: string): [number, number] {
  const claim = book.claims.find((entry) => entry.orderId === orderId);
  if (!claim) throw new Error(`no claim of ${orderId}`);
  return [reservedOf(claim), claim.backordered];
}
