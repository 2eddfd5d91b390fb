import { randomUUID } from "node:crypto";
import type { BulkWriteOperation, Session } from "@waybill/store";
import {
  announcement,
  reviseLevels,
  sameClaim,
  type Announcement,
  type LevelChange,
} from "../domain/changes.ts";
import type { LoadedBook } from "./books.ts";
import { StockConflictError } from "./conflict.ts";
import type { InventoryCollections } from "./collections.ts";
import type { MovementRecord, ProductRecord, ReservationRecord } from "./records.ts";

/** What a save changed that others hear of: reservations that grew, and stock levels that moved. */
export type SavedBooks = {
  /** Lines whose reservation or backorder grew, in the books' order. */
  announcements: Announcement[];
  /** Each (SKU, warehouse) whose on hand or reserved changed, in SKU then warehouse order. */
  levels: LevelChange[];
  /** When the change was written. */
  at: Date;
};

/**
 * Writes books back, in three calls whatever their number: every product's stock only if its
 * version is still the one read (else StockConflictError, before anything else is written), the
 * changed and new reservations, and the movements. A stock level that changed moves to its next
 * revision.
 */
export async function saveBooks(
  db: InventoryCollections,
  books: Iterable<LoadedBook>,
  session: Session,
): Promise<SavedBooks> {
  const loaded = [...books];
  const now = new Date();
  const levels = await saveStock(db, loaded, session);
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
  return { announcements, levels, at: now };
}

/** Writes one book back (see `saveBooks`). */
export function saveBook(
  db: InventoryCollections,
  loaded: LoadedBook,
  session: Session,
): Promise<SavedBooks> {
  return saveBooks(db, [loaded], session);
}

const nextVersion = (product: ProductRecord | null): number => (product?.version ?? 0) + 1;

/** The products' new stock, each conditional on the version read; returns the levels that moved. */
async function saveStock(
  db: InventoryCollections,
  loaded: LoadedBook[],
  session: Session,
): Promise<LevelChange[]> {
  const updates: BulkWriteOperation<ProductRecord>[] = [];
  const levels: LevelChange[] = [];
  for (const { book, product } of loaded) {
    if (!product) {
      if (book.movements.length > 0)
        throw new Error(`stock of unknown product ${book.sku} cannot move`);
      continue;
    }
    const { stock, changes } = reviseLevels(book.sku, product.stock, book.stock);
    levels.push(...changes);
    const current = product.version === undefined ? { $exists: false } : product.version;
    updates.push({
      updateOne: {
        filter: { _id: product._id, version: current },
        update: { $set: { stock, version: nextVersion(product) } },
      },
    });
  }
  if (updates.length === 0) return levels;
  const { matchedCount } = await db.products.bulkWrite(updates, { session });
  if (matchedCount < updates.length) {
    const skus = loaded.filter(({ product }) => product).map(({ book }) => book.sku);
    throw new StockConflictError(skus.join(", "));
  }
  return levels;
}
