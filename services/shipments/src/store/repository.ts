import { loaderByField, loaderOfMany } from "@waybill/runtime";
import type { Store } from "@waybill/runtime/store";
import type { OrderProjection, ShipmentRecord } from "./records.ts";

/** Indexes of the shipments database; idempotent. */
export async function prepareShipmentsStore(store: Store): Promise<void> {
  await store.collection("shipments").createIndex({ keys: { orderId: 1, shippedAt: 1 } });
  await store.collection("shipments").createIndex({ keys: { trackingNumber: 1 } });
}

/** Reads and writes of shipments and the order projection. */
export function shipmentsRepository(store: Store) {
  const shipments = store.collection<ShipmentRecord>("shipments");
  const orders = store.collection<OrderProjection>("orders");
  return {
    shipments,
    orders,
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      shipment: loaderByField(shipments, "_id"),
      shipmentsOfOrder: loaderOfMany(shipments, "orderId", "shippedAt"),
    }),
  };
}

export type ShipmentsRepository = ReturnType<typeof shipmentsRepository>;
export type ShipmentsLoaders = ReturnType<ShipmentsRepository["loaders"]>;
