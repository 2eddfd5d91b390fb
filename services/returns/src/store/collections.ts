import type { Store } from "@waybill/store";
import type { ReturnRecord, ShippedProjection } from "./records.ts";

/**
 * The returns database's collections. Only this folder queries them: the rest of the service asks
 * the repository.
 */
export function returnsCollections(store: Store) {
  return {
    returns: store.collection<ReturnRecord>("returns"),
    shipped: store.collection<ShippedProjection>("shipped"),
  };
}

export type ReturnsCollections = ReturnType<typeof returnsCollections>;
