import { loaderByField, loaderOfMany, type Session, type Store } from "@waybill/store";
import { matchWindow } from "../domain/tracking.ts";
import type { OrderProjection, ParkedMilestoneRecord, ShipmentRecord } from "./records.ts";

/** Indexes of the shipments database; idempotent. */
export async function prepareShipmentsStore(store: Store): Promise<void> {
  await store.collection("shipments").createIndex({ keys: { orderId: 1, shippedAt: 1 } });
  await store.collection("shipments").createIndex({ keys: { trackingKey: 1, shippedAt: -1 } });
  await store.collection("parked_milestones").createIndex({ keys: { trackingKey: 1 } });
}

/** Reads and writes of shipments and the order projection. */
export function shipmentsRepository(store: Store) {
  const shipments = store.collection<ShipmentRecord>("shipments");
  const orders = store.collection<OrderProjection>("orders");
  const parked = store.collection<ParkedMilestoneRecord>("parked_milestones");
  return {
    shipments,
    orders,
    parked,
    /** The latest shipment a carrier's tracking number can refer to at `occurredAt`. */
    async byTracking(
      key: string,
      occurredAt: Date,
      session: Session,
    ): Promise<ShipmentRecord | null> {
      const { from, to } = matchWindow(occurredAt);
      const [latest] = await shipments.find(
        { trackingKey: key, shippedAt: { $gte: from, $lte: to } },
        { sort: { shippedAt: -1 }, limit: 1, session },
      );
      return latest ?? null;
    },
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      shipment: loaderByField(shipments, "_id"),
      shipmentsOfOrder: loaderOfMany(shipments, "orderId", "shippedAt"),
    }),
  };
}

export type ShipmentsRepository = ReturnType<typeof shipmentsRepository>;
export type ShipmentsLoaders = ReturnType<ShipmentsRepository["loaders"]>;
