import { loaderByField, loaderOfMany, type Store } from "@waybill/store";
import type { ReturnRecord, ShippedProjection } from "./records.ts";

/** Indexes of the returns database; idempotent. */
export async function prepareReturnsStore(store: Store): Promise<void> {
  await store.collection("returns").createIndex({ keys: { orderId: 1, requestedAt: 1 } });
}

/** Reads and writes of returns and shipped quantities. */
export function returnsRepository(store: Store) {
  const returns = store.collection<ReturnRecord>("returns");
  const shipped = store.collection<ShippedProjection>("shipped");
  return {
    returns,
    shipped,
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      return: loaderByField(returns, "_id"),
      returnsOfOrder: loaderOfMany(returns, "orderId", "requestedAt"),
    }),
  };
}

export type ReturnsRepository = ReturnType<typeof returnsRepository>;
export type ReturnsLoaders = ReturnType<ReturnsRepository["loaders"]>;
