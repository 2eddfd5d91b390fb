import { randomUUID } from "node:crypto";
import type { Session } from "@waybill/runtime/store";
import { addClaim, openBook, type Book, type Claim } from "../domain/book.ts";
import { announcement, sameClaim, type Announcement } from "../domain/changes.ts";
import { StockConflictError } from "./conflict.ts";
import type { InventoryRepository } from "./repository.ts";
import type { ProductRecord, ReservationRecord } from "./records.ts";

/** A SKU's book as read in a transaction, with what it was read from. */
export type LoadedBook = {
  book: Book;
  /** Null for a SKU inventory has no product for: its claims can only be backordered. */
  product: ProductRecord | null;
  before: Map<string, Claim>;
};

export type { Announcement };

const toClaim = ({ updatedAt: _updatedAt, ...claim }: ReservationRecord): Claim => claim;

/** Reads a SKU's stock and open reservations inside `session`. */
export async function loadBook(
  repo: InventoryRepository,
  sku: string,
  session: Session,
): Promise<LoadedBook> {
  const product = await repo.products.findOne({ _id: sku }, { session });
  const open = await repo.reservations.find({ sku, status: "OPEN" }, { session });
  const claims = open.map(toClaim);
  return {
    book: openBook(sku, product?.stock ?? [], claims),
    product,
    before: new Map(claims.map((claim) => [claim._id, claim])),
  };
}

/**
 * Writes a book back: the product's stock only if its version is still the one read (else
 * StockConflictError), changed and new reservations, and the movements. Returns the lines whose
 * reservation or backorder grew.
 */
export async function saveBook(
  repo: InventoryRepository,
  { book, product, before }: LoadedBook,
  session: Session,
): Promise<Announcement[]> {
  const now = new Date();
  const version = (product?.version ?? 0) + 1;
  if (product) {
    const current = product.version === undefined ? { $exists: false } : product.version;
    const { matchedCount } = await repo.products.updateOne(
      { _id: product._id, version: current },
      { $set: { stock: book.stock, version } },
      { session },
    );
    if (matchedCount === 0) throw new StockConflictError(book.sku);
  } else if (book.movements.length > 0) {
    throw new Error(`stock of unknown product ${book.sku} cannot move`);
  }
  const announcements: Announcement[] = [];
  for (const claim of book.claims) {
    const previous = before.get(claim._id);
    if (previous && sameClaim(previous, claim)) continue;
    if (previous) {
      const { allocations, backordered, shipped, status } = claim;
      const changes = { allocations, backordered, shipped, status, updatedAt: now };
      await repo.reservations.updateOne({ _id: claim._id }, { $set: changes }, { session });
    } else {
      const record: ReservationRecord = { ...claim, updatedAt: now };
      await repo.reservations.insertOne(record, { session });
    }
    const announced = announcement(claim, previous);
    if (announced) announcements.push(announced);
  }
  if (book.movements.length > 0) {
    await repo.movements.insertMany(
      book.movements.map((movement, index) => ({
        ...movement,
        _id: `mov_${randomUUID()}`,
        sku: book.sku,
        occurredAt: now,
        version,
        index,
      })),
      { session },
    );
  }
  return announcements;
}

/**
 * The claim `id` in the book: an open one as loaded, a closed one (fulfilled or cancelled) read
 * into the book so it can be updated; null when inventory has no reservation for that line.
 */
export async function claimIn(
  repo: InventoryRepository,
  loaded: LoadedBook,
  id: string,
  session: Session,
): Promise<Claim | null> {
  const open = loaded.book.claims.find((claim) => claim._id === id);
  if (open) return open;
  const stored = await repo.reservations.findOne({ _id: id }, { session });
  if (!stored) return null;
  const claim = toClaim(stored);
  loaded.before.set(claim._id, claim);
  return addClaim(loaded.book, claim);
}
