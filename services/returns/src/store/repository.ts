import {
  findPage,
  loaderByField,
  pagesOfMany,
  type PageQuery,
  type Session,
  type Store,
} from "@waybill/store";
import { returnsCollections } from "./collections.ts";
import { RETURNS_OLDEST_FIRST } from "./pages.ts";
import type { ReturnRecord, ShippedProjection } from "./records.ts";

/** Indexes of the returns database; idempotent. */
export async function prepareReturnsStore(store: Store): Promise<void> {
  const { returns } = returnsCollections(store);
  await returns.createIndex({ keys: { orderId: 1, requestedAt: 1 } });
  await returns.createIndex({ keys: { status: 1, requestedAt: 1 } });
}

/** The fields a step of a return's lifecycle sets. */
export type ReturnChanges = Partial<Omit<ReturnRecord, "_id" | "orderId" | "customerId">>;

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
    /**
     * Marks a write of the order's returns on its shipped quantities, so two transactions that
     * both read the order's returns and add to them conflict instead of both passing the check.
     */
    claimOrder: (orderId: string, session: Session) =>
      shipped.updateOne({ _id: orderId }, { $inc: { returnWrites: 1 } }, { session }),
    returnsOfOrder: (orderId: string, session: Session) => returns.find({ orderId }, { session }),
    returnsOfOrders: (orderIds: string[]) => returns.find({ orderId: { $in: orderIds } }),
    /** A page of the returns waiting to be received, oldest first. */
    returnsToReceivePage: (page: PageQuery) =>
      findPage(returns, { status: "REQUESTED" }, RETURNS_OLDEST_FIRST, page),
    findReturn: (id: string, session?: Session) => returns.findOne({ _id: id }, { session }),
    addReturn: (record: ReturnRecord, session: Session) => returns.insertOne(record, { session }),
    /**
     * Moves a return from `from` and sets `changes`, only if it is still in `from`; false when
     * another writer moved it first.
     */
    async moveReturn(
      id: string,
      from: ReturnRecord["status"],
      changes: ReturnChanges,
      session: Session,
    ): Promise<boolean> {
      const { matchedCount } = await returns.updateOne(
        { _id: id, status: from },
        { $set: changes },
        { session },
      );
      return matchedCount > 0;
    },
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      return: loaderByField(returns, "_id"),
      returnsOfOrder: pagesOfMany(returns, "orderId", RETURNS_OLDEST_FIRST),
    }),
  };
}

export type ReturnsRepository = ReturnType<typeof returnsRepository>;
export type ReturnsLoaders = ReturnType<ReturnsRepository["loaders"]>;
