import { findPage, pagesOfMany, type PageQuery, type Session, type Store } from "@waybill/store";
import { CASES_NEWEST_FIRST, CASES_OLDEST_FIRST } from "./pages.ts";
import type {
  NoteRecord,
  OrderServiceRecord,
  ServiceCaseRecord,
  ShipmentContextRecord,
  TimelineEntry,
} from "./records.ts";

/** Indexes of customer service's collections; idempotent. */
export async function prepareCustomerServiceStore(store: Store): Promise<void> {
  const cases = store.collection("serviceCases");
  await cases.createIndex({ keys: { openKey: 1 }, unique: true });
  await cases.createIndex({ keys: { orderId: 1, openedAt: 1 } });
  await cases.createIndex({ keys: { shipmentId: 1, status: 1 } });
  await cases.createIndex({ keys: { status: 1, openedAt: -1 } });
  await cases.createIndex({ keys: { openedAt: -1 } });
}

/** Reads and writes of orders' timelines, service cases and the shipments they are about. */
export function customerServiceRepository(store: Store) {
  // Customer service's fields live on the order's document: an event is one read and one write.
  const orders = store.collection<OrderServiceRecord>("orders");
  const cases = store.collection<ServiceCaseRecord>("serviceCases");
  return {
    /** The order's document as customer service reads it; null when the order is not known. */
    serviceOf: (orderId: string, session: Session) => orders.findOne({ _id: orderId }, { session }),
    /**
     * Appends timeline entries, none of whose keys the timeline has, and saves what is known of a
     * shipment. Throws when a key was recorded meanwhile, so the transaction is tried again.
     */
    async record(
      orderId: string,
      change: { entries: TimelineEntry[]; shipment: ShipmentContextRecord },
      session: Session,
    ): Promise<void> {
      const { entries, shipment } = change;
      const keys = entries.map((entry) => entry.key);
      const recorded = await orders.updateOne(
        { _id: orderId, "timeline.key": { $nin: keys } },
        {
          $push: { timeline: { $each: entries } },
          $set: { [`serviceShipments.${shipment._id}`]: shipment },
        },
        { session },
      );
      if (recorded.matchedCount === 0)
        throw new Error(
          `order ${orderId} changed meanwhile: one of ${keys.join(", ")} is recorded`,
        );
    },
    /**
     * Appends timeline entries none of whose keys the timeline has, for events about no shipment.
     * Throws when a key was recorded meanwhile, so the transaction is tried again.
     */
    async recordEntries(orderId: string, entries: TimelineEntry[], session: Session) {
      const keys = entries.map((entry) => entry.key);
      const recorded = await orders.updateOne(
        { _id: orderId, "timeline.key": { $nin: keys } },
        { $push: { timeline: { $each: entries } } },
        { session },
      );
      if (recorded.matchedCount === 0)
        throw new Error(
          `order ${orderId} changed meanwhile: one of ${keys.join(", ")} is recorded`,
        );
    },
    /** Appends entries whose keys are new by construction (cases opened or resolved now). */
    async addToTimeline(orderId: string, entries: TimelineEntry[], session: Session) {
      if (entries.length === 0) return;
      await orders.updateOne(
        { _id: orderId },
        { $push: { timeline: { $each: entries } } },
        { session },
      );
    },
    findCase: (id: string, session?: Session) => cases.findOne({ _id: id }, { session }),
    /** A page of cases, newest first; all statuses when none is given. */
    casesPage: (status: string | null | undefined, page: PageQuery) =>
      findPage(cases, status ? { status } : {}, CASES_NEWEST_FIRST, page),
    openCasesOfShipment: (shipmentId: string, session: Session) =>
      cases.find({ shipmentId, status: "OPEN" }, { session }),
    /** Adds a note to the case open under `openKey`: the case as noted, or null when none is. */
    noteOpenCase: (openKey: string, note: NoteRecord, session: Session) =>
      cases.findOneAndUpdate(
        { openKey },
        { $push: { notes: note }, $inc: { revision: 1 } },
        { session, returnDocument: "after" },
      ),
    /** Throws a duplicate-key error when a case of the same open key is open. */
    insertCase: (serviceCase: ServiceCaseRecord, session: Session) =>
      cases.insertOne(serviceCase, { session }),
    /** Applies a change as one more revision of the case: the case as changed, null if unknown. */
    changeCase: (
      caseId: string,
      change: Partial<Omit<ServiceCaseRecord, "_id" | "revision">>,
      session: Session,
    ) =>
      cases.findOneAndUpdate(
        { _id: caseId },
        { $set: change, $inc: { revision: 1 } },
        { session, returnDocument: "after" },
      ),
    /** Per-request batching loaders. */
    loaders: () => ({
      casesOfOrder: pagesOfMany(cases, "orderId", CASES_OLDEST_FIRST),
    }),
  };
}

export type CustomerServiceRepository = ReturnType<typeof customerServiceRepository>;
export type CustomerServiceLoaders = ReturnType<CustomerServiceRepository["loaders"]>;
