import { loaderByField, pagesOfMany, type Session, type Store } from "@waybill/store";
import { returnsCollections } from "./collections.ts";
import { RETURNS_OLDEST_FIRST } from "./pages.ts";
import type { ReturnRecord, ShippedProjection } from "./records.ts";

/** Indexes of the returns database; idempotent. */
export async function prepareReturnsStore(store: Store): Promise<void> {
  await returnsCollections(store).returns.createIndex({ keys: { orderId: 1, requestedAt: 1 } });
}

/** Reads and writes of returns and shipped quantities. */
export function returnsRepository(store: Store) {
  const { returns, shipped } = returnsCollections(store);
  return {
    /** What shipped of an order, per line; null while nothing has. */
    shippedOf: (orderId: string, session?: Session) =>
      shipped.findOne({ _id: orderId }, { session }),
    /** Creates or replaces what returns keeps of an order's shipped quantities. */
    recordShipped: ({ _id, ...fields }: ShippedProjection, session: Session) =>
      shipped.updateOne({ _id }, { $set: fields }, { upsert: true, session }),
    returnsOfOrder: (orderId: string, session: Session) => returns.find({ orderId }, { session }),
    addReturn: (record: ReturnRecord, session: Session) => returns.insertOne(record, { session }),
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      return: loaderByField(returns, "_id"),
      returnsOfOrder: pagesOfMany(returns, "orderId", RETURNS_OLDEST_FIRST),
    }),
  };
}

export type ReturnsRepository = ReturnType<typeof returnsRepository>;
export type ReturnsLoaders = ReturnType<ReturnsRepository["loaders"]>;
