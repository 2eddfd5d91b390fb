import DataLoader from "dataloader";
import {
  findPage,
  loaderByField,
  loaderOfMany,
  type PageQuery,
  type Session,
  type Store,
} from "@waybill/store";
import {
  loadBook,
  loadBooks,
  loadLinesOnly,
  loadOrderLines,
  type LineRef,
  type LoadedBook,
} from "./books.ts";
import { inventoryCollections } from "./collections.ts";
import type { ProductRecord } from "./records.ts";
import { MOVEMENTS_NEWEST_FIRST, PRODUCTS_BY_SKU } from "./pages.ts";
import { saveBook, saveBooks } from "./save-books.ts";
import { stockExceptions } from "./stock-exceptions.ts";

/** Indexes of the inventory database; products are keyed by SKU, reservations by order line. */
export async function prepareInventoryStore(store: Store): Promise<void> {
  const { products, reservations, movements, exceptions } = inventoryCollections(store);
  await products.createIndex({ keys: { name: 1 } });
  await reservations.createIndex({ keys: { orderId: 1, lineIndex: 1 } });
  await reservations.createIndex({ keys: { sku: 1, status: 1 } });
  await movements.createIndex({ keys: { sku: 1, version: -1, index: -1 } });
  await movements.createIndex({ keys: { reference: 1 } });
  await exceptions.createIndex({ keys: { status: 1, openedAt: 1 } });
}

/** Reads and writes of products, stock books, reservations, movements and stock exceptions. */
export function inventoryRepository(store: Store) {
  const db = inventoryCollections(store);
  const { products, reservations, movements, booked } = db;
  return {
    /** A page of the catalog, in SKU order. */
    productsPage: (page: PageQuery) => findPage(products, {}, PRODUCTS_BY_SKU, page),
    findProduct: (sku: string, session: Session) => products.findOne({ _id: sku }, { session }),
    /** Fails with a duplicate-key error when the SKU is taken. */
    addProduct: (product: ProductRecord, session: Session) =>
      products.insertOne(product, { session }),
    /**
     * A page of a SKU's movements, newest first: one query per product, since a product's
     * movements grow without bound and a batch over several would read them all.
     */
    /** The reservations of these orders, open or not. */
    reservationsOfOrders: (orderIds: string[]) => reservations.find({ orderId: { $in: orderIds } }),
    /** The movements a shipment or a return caused, of any of these references. */
    movementsOf: (references: string[]) => movements.find({ reference: { $in: references } }),
    movementsPage: (sku: string, page: PageQuery) =>
      findPage(movements, { sku }, MOVEMENTS_NEWEST_FIRST, page),
    openReservationsOf: (orderId: string, session: Session) =>
      reservations.find({ orderId, status: "OPEN" }, { session }),
    loadBook: (sku: string, session: Session) => loadBook(db, sku, session),
    /** The books of several SKUs, in SKU order. */
    loadBooks: (skus: string[], session: Session) => loadBooks(db, skus, session),
    loadOrderLines: (orderId: string, lines: LineRef[], session: Session) =>
      loadOrderLines(db, orderId, lines, session),
    loadLinesOnly: (orderId: string, lines: LineRef[], session: Session) =>
      loadLinesOnly(db, orderId, lines, session),
    saveBook: (loaded: LoadedBook, session: Session) => saveBook(db, loaded, session),
    saveBooks: (books: Iterable<LoadedBook>, session: Session) => saveBooks(db, books, session),
    ...stockExceptions(db),
    /** Whether the stock effect of a document (see `BookedDocumentRecord`) was booked. */
    isBooked: async (id: string, session: Session) =>
      (await booked.findOne({ _id: id }, { session })) !== null,
    /** Records a document's stock effect as booked, in the transaction of the effect. */
    markBooked: (id: string, session: Session) =>
      booked.insertOne({ _id: id, bookedAt: new Date() }, { session }),
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      product: loaderByField(products, "_id"),
      reservationsOfOrder: loaderOfMany(reservations, "orderId", "lineIndex"),
      /** Units of each SKU ordered and not yet covered by stock, over open order lines. */
      backordered: new DataLoader<string, number>(async (skus) => {
        const open = await reservations.find({ sku: { $in: [...skus] }, status: "OPEN" });
        return skus.map((sku) =>
          open.filter((r) => r.sku === sku).reduce((sum, r) => sum + r.backordered, 0),
        );
      }),
    }),
  };
}

export type InventoryRepository = ReturnType<typeof inventoryRepository>;
export type InventoryLoaders = ReturnType<InventoryRepository["loaders"]>;
