import type { EventOf } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/bus";
import type { UnitOfWork } from "@waybill/service";
import { claimId, type Book, type Claim } from "../domain/book.ts";
import { shipFrom, shipFromOwn } from "../domain/ship.ts";
import type { LoadedBooks } from "../store/books.ts";
import type { StockExceptionRecord } from "../store/records.ts";
import type { InventoryRepository } from "../store/repository.ts";
import { stockException } from "./exceptions.ts";
import { announce } from "./transact.ts";

type Shipped = EventOf<"shipments.shipment.confirmed">["data"];
type Loaded = { books: LoadedBooks; claims: Map<string, Claim> };
type Ship = (
  book: Book,
  claim: Claim,
  warehouse: string,
  qty: number,
  ref: string,
) => number | null;

/**
 * Goods left the shipment's warehouse: the lines' reservations there are consumed and on hand
 * goes down (SHIPMENT). A line inventory has not reserved yet waits for its order (retried), so a
 * late reservation cannot set aside goods that already left. On hand never goes negative: a
 * shipment of more than was on hand is clamped and opens a SHIPMENT_SHORTFALL exception.
 *
 * Usually no other order's claim changes (see `shipFromOwn`), and only the lines' own claims are
 * read; when one might, the shipment is applied again to the whole books.
 */
export async function consumeShipment(
  repo: InventoryRepository,
  { data }: EventOf<"shipments.shipment.confirmed">,
  { session, emit }: UnitOfWork,
): Promise<void> {
  let loaded = await repo.loadLinesOnly(data.orderId, data.lines, session);
  let shortfalls = loaded && shipLines(loaded, data, shipFromOwn);
  if (!loaded || !shortfalls) {
    loaded = await repo.loadOrderLines(data.orderId, data.lines, session);
    shortfalls = shipLines(loaded, data, shipFrom) ?? [];
  }
  if (shortfalls.length > 0) await repo.recordStockExceptions(shortfalls, session);
  await announce(emit, await repo.saveBooks(loaded.books.values(), session));
}

/** Ships every line from its book; null as soon as `ship` gives up on one. */
function shipLines(
  { books, claims }: Loaded,
  data: Shipped,
  ship: Ship,
): StockExceptionRecord[] | null {
  const shortfalls: StockExceptionRecord[] = [];
  for (const [sku, { book }] of books) {
    for (const line of data.lines.filter((entry) => entry.sku === sku)) {
      const claim = claims.get(claimId(data.orderId, line.lineId));
      if (!claim) {
        throw new RetryLaterError(`line ${line.lineId} of ${data.orderId} is not reserved yet`);
      }
      const expected = book.stock.find((entry) => entry.warehouse === data.warehouse)?.onHand ?? 0;
      const shortfall = ship(book, claim, data.warehouse, line.quantity, data.shipmentId);
      if (shortfall === null) return null;
      if (shortfall === 0) continue;
      shortfalls.push(
        stockException({
          kind: "SHIPMENT_SHORTFALL",
          sku,
          warehouse: data.warehouse,
          expected,
          counted: null,
          variance: -shortfall,
          reason: `shipment ${data.shipmentId} took ${line.quantity} with ${expected} on hand`,
          reference: data.shipmentId,
        }),
      );
    }
  }
  return shortfalls;
}
