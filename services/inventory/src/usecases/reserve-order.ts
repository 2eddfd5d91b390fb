import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/runtime";
import { addClaim, claimId, newClaim } from "../domain/book.ts";
import { settle } from "../domain/reserve.ts";
import { bookOf, loadOrderLines } from "../store/books.ts";
import type { InventoryRepository } from "../store/repository.ts";
import { saveBooks } from "../store/save-books.ts";
import { announce } from "./transact.ts";

/**
 * Reserves stock for a placed order, line by line: what is available is reserved (most available
 * warehouse first), the rest is backordered and filled later, oldest order first. A SKU inventory
 * has no product for is backordered in full (the order may have raced the product's creation).
 * A line that already has a reservation (re-sent order, or a cancellation that came first) is
 * left alone. The store calls are the same few whatever the number of lines.
 */
export async function reserveOrder(
  repo: InventoryRepository,
  { data }: EventOf<"orders.order.placed">,
  { session, emit }: UnitOfWork,
): Promise<void> {
  const { orderId } = data;
  const placedAt = new Date(data.placedAt);
  const { books, claims } = await loadOrderLines(repo, orderId, data.lines, session);
  for (const [lineIndex, line] of data.lines.entries()) {
    const { lineId, sku, quantity } = line;
    const id = claimId(orderId, lineId);
    if (claims.has(id)) continue;
    const fields = { orderId, lineId, lineIndex, sku, quantity, placedAt };
    claims.set(id, addClaim(bookOf(books, sku).book, newClaim(fields, "OPEN")));
  }
  for (const { book } of books.values()) settle(book);
  await announce(emit, await saveBooks(repo, books.values(), session));
}
