import { EXCEPTIONS, type ExceptionRecord } from "@waybill/bus";
import { findPage, type PageQuery, type Session, type Store } from "@waybill/store";
import { integrationsCollections } from "./collections.ts";
import { CONNECTOR_DELIVERIES_NEWEST_FIRST } from "./pages.ts";
import type { ConnectorDeliveryRecord, ConnectorDeliveryState } from "./records.ts";

const OPEN: ConnectorDeliveryState[] = ["pending", "failed"];

/** Indexes of the connector deliveries; idempotent. */
export async function prepareConnectorStore(store: Store): Promise<void> {
  const { connectorDeliveries } = integrationsCollections(store);
  await connectorDeliveries.createIndex({ keys: { connector: 1, state: 1, nextAttemptAt: 1 } });
  await connectorDeliveries.createIndex({ keys: { connector: 1, orderId: 1, sequence: 1 } });
  await connectorDeliveries.createIndex({ keys: { connector: 1, sequence: -1 } });
}

/** What follows an attempt. */
export type AttemptResult = {
  state: ConnectorDeliveryState;
  parked?: boolean;
  externalId?: string | null;
  error: string | null;
  nextAttemptAt: Date | null;
  /** False when the attempt did not count against the schedule (a 429). */
  counted: boolean;
  /** The exception raised for it, when it is parked. */
  exceptionId?: string;
};

/** Connector deliveries: one record per (connector, document), and the attempts made. */
export function connectorRepository(store: Store) {
  const { connectorDeliveries: deliveries } = integrationsCollections(store);
  return {
    /**
     * Records a document for a connector in the consumer's transaction. When it is already there
     * and parked, it is taken up again from the start of its schedule (a retry of its
     * exception); false when nothing changed.
     */
    async ensure(record: ConnectorDeliveryRecord, session: Session): Promise<boolean> {
      // Looked up first: a duplicate key inside a MongoDB transaction would abort it.
      const existing = await deliveries.findOne({ _id: record._id }, { session });
      if (!existing) {
        await deliveries.insertOne(record, { session });
        return true;
      }
      if (!existing.parked) return false;
      const reopened = await deliveries.updateOne(
        { _id: record._id, parked: true },
        {
          $set: {
            parked: false,
            state: "pending",
            scheduled: 0,
            nextAttemptAt: record.createdAt,
            updatedAt: record.createdAt,
          },
        },
        { session },
      );
      return reopened.modifiedCount > 0;
    },
    delivery: (id: string) => deliveries.findOne({ _id: id }),
    /** The delivery of one document to one connector, if recorded. */
    deliveryOf: (connector: string, documentId: string) =>
      deliveries.findOne({ _id: `${connector}:${documentId}` }),
    /** A page of a connector's deliveries, newest first (the delivery log). */
    deliveriesPage: (connector: string, page: PageQuery) =>
      findPage(deliveries, { connector }, CONNECTOR_DELIVERIES_NEWEST_FIRST, page),
    /** Open deliveries of a connector whose attempt is due, oldest first. */
    due: (connector: string, now: Date, limit: number) =>
      deliveries.find(
        { connector, state: { $in: OPEN }, parked: false, nextAttemptAt: { $lte: now } },
        { sort: { sequence: 1 }, limit },
      ),
    /** The earliest open delivery of the same order before this one: it goes first. */
    earlierOpen: (delivery: ConnectorDeliveryRecord) =>
      deliveries.findOne(
        {
          connector: delivery.connector,
          orderId: delivery.orderId,
          sequence: { $lt: delivery.sequence },
          state: { $in: OPEN },
        },
        { sort: { sequence: 1 } },
      ),
    /** Takes a due delivery for one attempt by moving its due time to the lease's end. */
    claim: (delivery: ConnectorDeliveryRecord, leaseUntil: Date) =>
      deliveries.findOneAndUpdate(
        {
          _id: delivery._id,
          state: { $in: OPEN },
          parked: false,
          nextAttemptAt: delivery.nextAttemptAt,
        },
        { $set: { nextAttemptAt: leaseUntil } },
      ),
    /** Records an attempt and what follows from it. */
    record: (delivery: ConnectorDeliveryRecord, result: AttemptResult, at: Date) =>
      deliveries.updateOne(
        { _id: delivery._id },
        {
          $inc: result.counted ? { attempts: 1, scheduled: 1 } : { attempts: 1 },
          $set: {
            state: result.state,
            parked: result.parked ?? false,
            lastError: result.error,
            nextAttemptAt: result.nextAttemptAt,
            updatedAt: at,
            ...(result.externalId === undefined ? {} : { externalId: result.externalId }),
            ...(result.exceptionId === undefined ? {} : { exceptionId: result.exceptionId }),
            ...(result.state === "delivered" ? { deliveredAt: at } : {}),
          },
        },
      ),
    /** Wakes the open deliveries of an order after one of it is done. */
    wakeOrder: (connector: string, orderId: string, now: Date) =>
      deliveries.updateMany(
        { connector, orderId, state: { $in: OPEN }, parked: false, nextAttemptAt: { $gt: now } },
        { $set: { nextAttemptAt: now } },
      ),
    /** Moves a waiting delivery's due time (it waits for an earlier one of its order). */
    postpone: (delivery: ConnectorDeliveryRecord, at: Date) =>
      deliveries.updateOne(
        { _id: delivery._id, nextAttemptAt: delivery.nextAttemptAt },
        { $set: { nextAttemptAt: at } },
      ),
    /** Sends one document again from the start of its schedule, parked or not; null if unknown. */
    retry: (id: string, now: Date) =>
      deliveries.findOneAndUpdate(
        { _id: id, state: { $ne: "delivered" } },
        {
          $set: {
            state: "pending",
            parked: false,
            scheduled: 0,
            nextAttemptAt: now,
            updatedAt: now,
          },
        },
        { returnDocument: "after" },
      ),
    /**
     * Sends closed or parked documents again from the start of their schedule: one (`_id`) or a
     * connector's recorded since a time. Deliveries still open are on their way and left alone.
     * Returns how many were taken up.
     */
    async replay(
      scope: { id: string } | { connector: string; since: Date },
      now: Date,
    ): Promise<number> {
      const filter =
        "id" in scope
          ? { _id: scope.id }
          : { connector: scope.connector, createdAt: { $gte: scope.since } };
      const { modifiedCount } = await deliveries.updateMany(
        { ...filter, $or: [{ state: { $nin: OPEN } }, { parked: true }] },
        {
          $set: {
            state: "pending",
            parked: false,
            scheduled: 0,
            nextAttemptAt: now,
            updatedAt: now,
          },
        },
      );
      return modifiedCount;
    },
    /**
     * Closes the exception a parked delivery raised once its document is delivered (after a retry
     * of the delivery itself, or after the mapping was fixed): master data's queue shows what is left.
     */
    closeException: (id: string, at: Date) =>
      store
        .collection<ExceptionRecord>(EXCEPTIONS)
        .updateOne(
          { _id: id, status: "open" },
          { $set: { status: "resolved", resolution: "delivered", resolvedAt: at } },
        ),
    /** Deliveries waiting to go out (open, parked included): a connector's backlog. */
    backlog: (connector: string) => deliveries.countDocuments({ connector, state: { $in: OPEN } }),
  };
}

export type ConnectorRepository = ReturnType<typeof connectorRepository>;
