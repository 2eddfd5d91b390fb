import DataLoader from "dataloader";
import { loaderByField, loaderOfMany, type Store } from "@waybill/store";
import type {
  MovementRecord,
  ProductRecord,
  ReservationRecord,
  StockExceptionRecord,
} from "./records.ts";

/** Indexes of the inventory database; products are keyed by SKU, reservations by order line. */
export async function prepareInventoryStore(store: Store): Promise<void> {
  await store.collection("products").createIndex({ keys: { name: 1 } });
  await store.collection("reservations").createIndex({ keys: { orderId: 1, lineIndex: 1 } });
  await store.collection("reservations").createIndex({ keys: { sku: 1, status: 1 } });
  await store.collection("movements").createIndex({ keys: { sku: 1, version: -1, index: -1 } });
  await store.collection("stock_exceptions").createIndex({ keys: { status: 1, openedAt: 1 } });
}

/** Reads and writes of products, reservations, movements and stock exceptions. */
export function inventoryRepository(store: Store) {
  const products = store.collection<ProductRecord>("products");
  const reservations = store.collection<ReservationRecord>("reservations");
  const movements = store.collection<MovementRecord>("movements");
  const exceptions = store.collection<StockExceptionRecord>("stock_exceptions");
  return {
    products,
    reservations,
    movements,
    exceptions,
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
