import { loaderByField, pagesOfMany, type Session, type Store } from "@waybill/store";
import { matchWindow } from "../domain/tracking.ts";
import { shipmentsCollections } from "./collections.ts";
import { chargesAndVoids } from "./charges.ts";
import { CHARGES_OLDEST_FIRST, SHIPMENTS_OLDEST_FIRST } from "./pages.ts";
import { parkedMilestones } from "./parked.ts";
import type { MilestoneRecord, OrderProjection, ShipmentRecord } from "./records.ts";

/** Indexes of the shipments database; idempotent. */
export async function prepareShipmentsStore(store: Store): Promise<void> {
  const { shipments, parked, charges } = shipmentsCollections(store);
  await shipments.createIndex({ keys: { orderId: 1, shippedAt: 1 } });
  await shipments.createIndex({ keys: { trackingKey: 1, shippedAt: -1 } });
  await shipments.createIndex({ keys: { trackingNumber: 1, shippedAt: -1 } });
  await parked.createIndex({ keys: { trackingKey: 1 } });
  await parked.createIndex({ keys: { parkedAt: 1 } });
  await charges.createIndex({ keys: { chargeKey: 1 }, unique: true });
  await charges.createIndex({ keys: { shipmentId: 1, recordedAt: 1 } });
}

/** Reads and writes of shipments, the order projection and parked milestones. */
export function shipmentsRepository(store: Store) {
  const db = shipmentsCollections(store);
  const { shipments, orders, charges } = db;
  return {
    findShipment: (id: string, session: Session) => shipments.findOne({ _id: id }, { session }),
    /**
     * The latest shipment a carrier's tracking number can refer to at `occurredAt`; a voided one
     * never (its number may be on the label that replaced it).
     */
    async byTracking(
      key: string,
      occurredAt: Date,
      session: Session,
    ): Promise<ShipmentRecord | null> {
      const { from, to } = matchWindow(occurredAt);
      const [latest] = await shipments.find(
        { trackingKey: key, shippedAt: { $gte: from, $lte: to }, status: { $ne: "VOIDED" } },
        { sort: { shippedAt: -1 }, limit: 1, session },
      );
      return latest ?? null;
    },
    /** The newest shipments whose tracking number is one of `numbers` (as confirmed, trimmed). */
    byTrackingNumber: (numbers: string[], limit: number) =>
      shipments.find({ trackingNumber: { $in: numbers } }, { sort: { shippedAt: -1 }, limit }),
    shipmentsOfOrder: (orderId: string, session: Session) =>
      shipments.find({ orderId }, { session }),
    shipmentsOfOrders: (orderIds: string[]) => shipments.find({ orderId: { $in: orderIds } }),
    chargesOfShipments: (shipmentIds: string[]) =>
      charges.find({ shipmentId: { $in: shipmentIds } }),
    addShipment: (shipment: ShipmentRecord, session: Session) =>
      shipments.insertOne(shipment, { session }),
    /** Replaces a shipment's milestones and the status they lead to. */
    saveMilestones: (
      shipmentId: string,
      milestones: MilestoneRecord[],
      status: ShipmentRecord["status"],
      session: Session,
    ) => shipments.updateOne({ _id: shipmentId }, { $set: { milestones, status } }, { session }),
    findOrder: (orderId: string, session: Session) => orders.findOne({ _id: orderId }, { session }),
    /** Creates or replaces what shipments keeps of an order. */
    recordOrder: ({ _id, ...fields }: OrderProjection, session: Session) =>
      orders.updateOne({ _id }, { $set: fields }, { upsert: true, session }),
    saveOrderLines: (orderId: string, lines: OrderProjection["lines"], session: Session) =>
      orders.updateOne({ _id: orderId }, { $set: { lines } }, { session }),
    ...parkedMilestones(db),
    ...chargesAndVoids(db),
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      shipment: loaderByField(shipments, "_id"),
      shipmentsOfOrder: pagesOfMany(shipments, "orderId", SHIPMENTS_OLDEST_FIRST),
      chargesOfShipment: pagesOfMany(charges, "shipmentId", CHARGES_OLDEST_FIRST),
    }),
  };
}

export type ShipmentsRepository = ReturnType<typeof shipmentsRepository>;
export type ShipmentsLoaders = ReturnType<ShipmentsRepository["loaders"]>;
