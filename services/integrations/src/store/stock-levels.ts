import type { Session, Store } from "@waybill/store";
import { integrationsCollections } from "./collections.ts";
import type { StockLevelRecord } from "./records.ts";

/** A product's available-to-promise in one warehouse, as inventory last told it. */
export type StockLevel = { sku: string; warehouse: string; available: number; revision: number };

const levelsOf = (store: Store) => integrationsCollections(store).stockLevels;

/** Indexes of the stock feed; idempotent. */
export async function prepareStockFeedStore(store: Store): Promise<void> {
  await levelsOf(store).createIndex({ keys: { sink: 1, pendingSince: 1 } });
}

/** The stock levels waiting for each storefront, newest revision kept. */
export function stockLevelRepository(store: Store) {
  const levels = levelsOf(store);
  return {
    /**
     * Keeps a level change for a storefront in the consumer's transaction, unless a newer one is
     * already kept (events of one SKU and warehouse may arrive out of order after a redelivery).
     */
    async keep(sink: string, level: StockLevel, at: Date, session: Session): Promise<void> {
      const _id = `${sink}:${level.sku}@${level.warehouse}`;
      const existing = await levels.findOne({ _id }, { session });
      if (!existing) {
        await levels.insertOne(
          { _id, sink, ...level, sentRevision: 0, pendingSince: at, changedAt: at },
          { session },
        );
        return;
      }
      if (existing.revision >= level.revision) return;
      await levels.updateOne(
        { _id, revision: existing.revision },
        {
          $set: {
            available: level.available,
            revision: level.revision,
            changedAt: at,
            pendingSince: existing.pendingSince ?? at,
          },
        },
        { session },
      );
    },
    /** A storefront's levels waiting to be sent, the longest-waiting first. */
    pending: (sink: string, limit: number) =>
      levels.find({ sink, pendingSince: { $ne: null } }, { sort: { pendingSince: 1 }, limit }),
    /**
     * Marks what was sent. A level that changed again meanwhile stays pending, and keeps the time
     * it has been waiting since: the newer value is no staler than that.
     */
    async sent(record: StockLevelRecord): Promise<void> {
      const done = await levels.updateOne(
        { _id: record._id, revision: record.revision },
        { $set: { sentRevision: record.revision, pendingSince: null } },
      );
      if (done.modifiedCount === 0)
        await levels.updateOne(
          { _id: record._id, revision: { $gt: record.revision } },
          { $set: { sentRevision: record.revision } },
        );
    },
    level: (sink: string, sku: string, warehouse: string) =>
      levels.findOne({ _id: `${sink}:${sku}@${warehouse}` }),
  };
}

export type StockLevelRepository = ReturnType<typeof stockLevelRepository>;
