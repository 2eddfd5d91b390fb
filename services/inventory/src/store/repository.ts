import { loaderByField } from "@waybill/runtime";
import type { Store } from "@waybill/runtime/store";
import type { ProductRecord } from "./records.ts";

/** Indexes of the inventory database; products are keyed by SKU. */
export async function prepareInventoryStore(store: Store): Promise<void> {
  await store.collection("products").createIndex({ keys: { name: 1 } });
}

/** Reads and writes of products and their stock. */
export function inventoryRepository(store: Store) {
  const products = store.collection<ProductRecord>("products");
  return {
    products,
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({ product: loaderByField(products, "_id") }),
  };
}

export type InventoryRepository = ReturnType<typeof inventoryRepository>;
export type InventoryLoaders = ReturnType<InventoryRepository["loaders"]>;
