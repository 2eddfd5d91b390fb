import type { Session } from "@waybill/store";
import { addClaim, claimId, openBook, type Book, type Claim } from "../domain/book.ts";
import type { Announcement } from "../domain/changes.ts";
import type { InventoryCollections } from "./collections.ts";
import type { ProductRecord, ReservationRecord } from "./records.ts";

/** A SKU's book as read in a transaction, with what it was read from. */
export type LoadedBook = {
  book: Book;
  /** Null for a SKU inventory has no product for: its claims can only be backordered. */
  product: ProductRecord | null;
  before: Map<string, Claim>;
};

/** Books by SKU, in SKU order (the order they are written in). */
export type LoadedBooks = Map<string, LoadedBook>;

/** An order line as a use case names it. */
export type LineRef = { lineId: string; sku: string };

/** An order line's claim as a use case asks for it: the claim id and the line's SKU. */
type ClaimRef = { id: string; sku: string };

export type { Announcement };

const toClaim = ({ updatedAt: _updatedAt, ...claim }: ReservationRecord): Claim => claim;

/**
 * Reads the stock and open reservations of `skus` inside `session`, in two queries whatever
 * their number.
 */
export async function loadBooks(
  db: InventoryCollections,
  skus: string[],
  session: Session,
): Promise<LoadedBooks> {
  const unique = [...new Set(skus)].sort();
  const books: LoadedBooks = new Map();
  if (unique.length === 0) return books;
  const products = await db.products.find({ _id: { $in: unique } }, { session });
  const open = await db.reservations.find({ sku: { $in: unique }, status: "OPEN" }, { session });
  const productOf = new Map(products.map((product) => [product._id, product]));
  const claimsOf = Map.groupBy(open.map(toClaim), (claim) => claim.sku);
  for (const sku of unique) {
    books.set(sku, openLoaded(sku, productOf.get(sku) ?? null, claimsOf.get(sku) ?? []));
  }
  return books;
}

/** Reads one SKU's stock and open reservations inside `session`. */
export async function loadBook(
  db: InventoryCollections,
  sku: string,
  session: Session,
): Promise<LoadedBook> {
  const product = await db.products.findOne({ _id: sku }, { session });
  const open = await db.reservations.find({ sku, status: "OPEN" }, { session });
  return openLoaded(sku, product, open.map(toClaim));
}

function openLoaded(sku: string, product: ProductRecord | null, claims: Claim[]): LoadedBook {
  return {
    book: openBook(sku, product?.stock ?? [], claims),
    product,
    before: new Map(claims.map((claim) => [claim._id, claim])),
  };
}

/** The loaded book of `sku`; asking for a SKU that was not loaded is a bug. */
export function bookOf(books: LoadedBooks, sku: string): LoadedBook {
  const loaded = books.get(sku);
  if (!loaded) throw new Error(`the book of ${sku} was not loaded`);
  return loaded;
}

/**
 * The books of an order's lines' SKUs, and the lines' claims by claim id (see `claimsIn`): three
 * queries at most, whatever the number of lines.
 */
export async function loadOrderLines(
  db: InventoryCollections,
  orderId: string,
  lines: LineRef[],
  session: Session,
): Promise<{ books: LoadedBooks; claims: Map<string, Claim> }> {
  const skus = lines.map((line) => line.sku);
  const books = await loadBooks(db, skus, session);
  const refs = lines.map((line) => ({ id: claimId(orderId, line.lineId), sku: line.sku }));
  return { books, claims: await claimsIn(db, books, refs, session) };
}

/**
 * The claims `refs` name, by id, each in its line's book: an open one as loaded, a closed one
 * (fulfilled or cancelled) read into the book so it can be updated; absent when inventory has no
 * reservation for that line. One query at most, whatever the number of lines.
 */
async function claimsIn(
  db: InventoryCollections,
  books: LoadedBooks,
  refs: ClaimRef[],
  session: Session,
): Promise<Map<string, Claim>> {
  const found = new Map<string, Claim>();
  const missing: ClaimRef[] = [];
  for (const ref of refs) {
    const open = bookOf(books, ref.sku).book.claims.find((claim) => claim._id === ref.id);
    if (open) found.set(ref.id, open);
    else missing.push(ref);
  }
  if (missing.length === 0) return found;
  const ids = [...new Set(missing.map((ref) => ref.id))];
  const stored = await db.reservations.find({ _id: { $in: ids } }, { session });
  const byId = new Map(stored.map((record) => [record._id, toClaim(record)]));
  for (const { id, sku } of missing) {
    const claim = byId.get(id);
    if (!claim || found.has(id)) continue;
    const loaded = bookOf(books, sku);
    loaded.before.set(id, claim);
    found.set(id, addClaim(loaded.book, claim));
  }
  return found;
}

/**
 * Like `loadOrderLines`, but each book holds only the lines' own claims (whatever their status),
 * for a rule that leaves other claims alone (see `shipFromOwn`): two queries, and no decoding of
 * other orders' reservations. Null when a stored claim is of another SKU than its line, which only
 * `loadOrderLines` handles.
 */
export async function loadLinesOnly(
  db: InventoryCollections,
  orderId: string,
  lines: LineRef[],
  session: Session,
): Promise<{ books: LoadedBooks; claims: Map<string, Claim> } | null> {
  if (lines.length === 0) return null;
  const skus = [...new Set(lines.map((line) => line.sku))].sort();
  const ids = [...new Set(lines.map((line) => claimId(orderId, line.lineId)))];
  const products = await db.products.find({ _id: { $in: skus } }, { session });
  const stored = await db.reservations.find({ _id: { $in: ids } }, { session });
  const byId = new Map(stored.map((record) => [record._id, toClaim(record)]));
  for (const line of lines) {
    const claim = byId.get(claimId(orderId, line.lineId));
    if (claim && claim.sku !== line.sku) return null;
  }
  const productOf = new Map(products.map((product) => [product._id, product]));
  const claimsOf = Map.groupBy(byId.values(), (claim) => claim.sku);
  const books: LoadedBooks = new Map();
  const claims = new Map<string, Claim>();
  for (const sku of skus) {
    const loaded = openLoaded(sku, productOf.get(sku) ?? null, claimsOf.get(sku) ?? []);
    books.set(sku, loaded);
    for (const claim of loaded.book.claims) claims.set(claim._id, claim);
  }
  return { books, claims };
}
