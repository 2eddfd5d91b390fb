import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { addClaim, claimId, newClaim, type Claim } from "../domain/book.ts";
import { settle, settleOwn } from "../domain/reserve.ts";
import { bookOf, type LoadedBooks } from "../store/books.ts";
import type { InventoryRepository } from "../store/repository.ts";
import { announce } from "./transact.ts";

/**
 * Reserves stock for a placed order, line by line: what is available is reserved (most available
 * warehouse first), the rest is backordered and filled later, oldest order first. A SKU inventory
 * has no product for is backordered in full (the order may have raced the product's creation).
 * A line that already has a reservation (re-sent order, or a cancellation that came first) is
 * left alone. The store calls are the same few whatever the number of lines.
 *
 * Usually only the order's own lines are read (see `settleOwn`): the other orders' reservations
 * of a SKU grow with its open orders. When another claim might change, the whole books are read.
 */
export async function reserveOrder(
  repo: InventoryRepository,
  event: EventOf<"orders.order.placed">,
  { session, emit }: UnitOfWork,
): Promise<void> {
  const { orderId, lines } = event.data;
  const own = await repo.loadLinesOnly(orderId, lines, session);
  let books = own ? claimLines(own, event.data) : null;
  if (!books || ![...books.values()].every(({ book }) => settleOwn(book))) {
    const loaded = await repo.loadOrderLines(orderId, lines, session);
    books = claimLines(loaded, event.data);
    for (const { book } of books.values()) settle(book);
  }
  await announce(emit, await repo.saveBooks(books.values(), session));
}

/** Adds an OPEN claim for every line that has none yet; returns the books. */
function claimLines(
  { books, claims }: { books: LoadedBooks; claims: Map<string, Claim> },
  data: EventOf<"orders.order.placed">["data"],
): LoadedBooks {
  const placedAt = new Date(data.placedAt);
  for (const [lineIndex, { lineId, sku, quantity }] of data.lines.entries()) {
    const id = claimId(data.orderId, lineId);
    if (claims.has(id)) continue;
    const fields = { orderId: data.orderId, lineId, lineIndex, sku, quantity, placedAt };
    claims.set(id, addClaim(bookOf(books, sku).book, newClaim(fields, "OPEN")));
  }
  return books;
}
