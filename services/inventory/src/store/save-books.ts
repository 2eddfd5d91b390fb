import { randomUUID } from "node:crypto";
import type { BulkWriteOperation, Session } from "@waybill/store";
import { announcement, sameClaim, type Announcement } from "../domain/changes.ts";
import type { LoadedBook } from "./books.ts";
import { StockConflictError } from "./conflict.ts";
import type { InventoryCollections } from "./collections.ts";
import type { MovementRecord, ProductRecord, ReservationRecord } from "./records.ts";

/**
 * Writes books back, in three calls whatever their number: every product's stock only if its
 * version is still the one read (else StockConflictError, before anything else is written), the
 * changed and new reservations, and the movements. Returns the lines whose reservation or
 * backorder grew, in the books' order.
 */
export async function saveBooks(
  db: InventoryCollections,
  books: Iterable<LoadedBook>,
  session: Session,
): Promise<Announcement[]> {
  const loaded = [...books];
  const now = new Date();
  await saveStock(db, loaded, session);
  const writes: BulkWriteOperation<ReservationRecord>[] = [];
  const announcements: Announcement[] = [];
  for (const { book, before } of loaded) {
    for (const claim of book.claims) {
      const previous = before.get(claim._id);
      if (previous && sameClaim(previous, claim)) continue;
      if (previous) {
        const { allocations, backordered, shipped, status } = claim;
        const changes = { allocations, backordered, shipped, status, updatedAt: now };
        writes.push({ updateOne: { filter: { _id: claim._id }, update: { $set: changes } } });
      } else {
        writes.push({ insertOne: { document: { ...claim, updatedAt: now } } });
      }
      const announced = announcement(claim, previous);
      if (announced) announcements.push(announced);
    }
  }
  if (writes.length > 0) await db.reservations.bulkWrite(writes, { session });
  const movements: MovementRecord[] = loaded.flatMap(({ book, product }) =>
    book.movements.map((movement, index) => ({
      ...movement,
      _id: `mov_${randomUUID()}`,
      sku: book.sku,
      occurredAt: now,
      version: nextVersion(product),
      index,
    })),
  );
  if (movements.length > 0) await db.movements.insertMany(movements, { session });
  return announcements;
}

/** Writes one book back (see `saveBooks`). */
export function saveBook(
  db: InventoryCollections,
  loaded: LoadedBook,
  session: Session,
): Promise<Announcement[]> {
  return saveBooks(db, [loaded], session);
}

const nextVersion = (product: ProductRecord | null): number => (product?.version ?? 0) + 1;

/** The products' new stock, each conditional on the version read. */
async function saveStock(
  db: InventoryCollections,
  loaded: LoadedBook[],
  session: Session,
): Promise<void> {
  const updates: BulkWriteOperation<ProductRecord>[] = [];
  for (const { book, product } of loaded) {
    if (!product) {
      if (book.movements.length > 0)
        throw new Error(`stock of unknown product ${book.sku} cannot move`);
      continue;
    }
    const current = product.version === undefined ? { $exists: false } : product.version;
    updates.push({
      updateOne: {
        filter: { _id: product._id, version: current },
        update: { $set: { stock: book.stock, version: nextVersion(product) } },
      },
    });
  }
  if (updates.length === 0) return;
  const { matchedCount } = await db.products.bulkWrite(updates, { session });
  if (matchedCount < updates.length) {
    const skus = loaded.filter(({ product }) => product).map(({ book }) => book.sku);
    throw new StockConflictError(skus.join(", "));
  }
}
