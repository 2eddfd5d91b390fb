import type { EventOf } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/bus";
import type { UnitOfWork } from "@waybill/service";
import { bookReturnedUnits } from "../domain/returns.ts";
import { bookOf } from "../store/books.ts";
import type { InventoryRepository } from "../store/repository.ts";
import { announce } from "./transact.ts";

/**
 * A return was received: per line with units, one movement in the receiving warehouse, referencing
 * the return (see `bookReturnedUnits`). Restocked units fill backorders, and the lines they fill
 * are announced (`inventory.stock.reserved`). Booked once per return, whatever the event's id.
 * A SKU inventory has no product for waits (retried, then parked as a missing reference).
 */
export async function receiveReturn(
  repo: InventoryRepository,
  { data }: EventOf<"returns.return.received">,
  { session, emit }: UnitOfWork,
): Promise<void> {
  const key = `return:${data.returnId}`;
  if (await repo.isBooked(key, session)) return;
  const lines = data.lines.filter((line) => line.received > 0);
  const books = await repo.loadBooks(
    lines.map((line) => line.sku),
    session,
  );
  for (const line of lines) {
    const { book, product } = bookOf(books, line.sku);
    if (!product) throw new RetryLaterError(`product ${line.sku} is not known`);
    bookReturnedUnits(book, data.warehouse, line.disposition, line.received, data.returnId);
  }
  await announce(emit, await repo.saveBooks(books.values(), session));
  await repo.markBooked(key, session);
}
