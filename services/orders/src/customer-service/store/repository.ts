import { loaderOfMany, type Session, type Store } from "@waybill/store";
import { RetryLaterError } from "@waybill/bus";
import type {
  NoteRecord,
  OrderTimelineRecord,
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
}

/** Reads and writes of orders' timelines, service cases and the shipments they are about. */
export function customerServiceRepository(store: Store) {
  // The timeline lives on the order's document, so an order is read with it in one round trip.
  const orders = store.collection<OrderTimelineRecord>("orders");
  const cases = store.collection<ServiceCaseRecord>("serviceCases");
  const contexts = store.collection<ShipmentContextRecord>("shipmentContexts");
  return {
    /**
     * Records an entry unless the order's timeline has its key; true when it is new. An order
     * not known yet is retried later (its placement has not reached this service).
     */
    async recordOnce(orderId: string, entry: TimelineEntry, session: Session): Promise<boolean> {
      const recorded = await orders.updateOne(
        { _id: orderId, "timeline.key": { $ne: entry.key } },
        { $push: { timeline: entry } },
        { session },
      );
      if (recorded.matchedCount > 0) return true;
      // Rare (the inbox drops repeated events first): tell a known key from an unknown order.
      if (await orders.findOne({ _id: orderId }, { session })) return false;
      throw new RetryLaterError(`order ${orderId} is not known`);
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
    /** Newest first; all statuses when none is given. */
    listCases: (status: string | null | undefined, first: number) =>
      cases.find(status ? { status } : {}, { sort: { openedAt: -1 }, limit: first }),
    openCasesOfShipment: (shipmentId: string, session: Session) =>
      cases.find({ shipmentId, status: "OPEN" }, { session }),
    /** Adds a note to the case open under `openKey`; false when none is. */
    async noteOpenCase(openKey: string, note: NoteRecord, session: Session): Promise<boolean> {
      const noted = await cases.updateOne({ openKey }, { $push: { notes: note } }, { session });
      return noted.matchedCount > 0;
    },
    /** Throws a duplicate-key error when a case of the same open key is open. */
    insertCase: (serviceCase: ServiceCaseRecord, session: Session) =>
      cases.insertOne(serviceCase, { session }),
    async changeCase(
      caseId: string,
      change: Partial<Omit<ServiceCaseRecord, "_id">>,
      session: Session,
    ): Promise<void> {
      await cases.updateOne({ _id: caseId }, { $set: change }, { session });
    },
    shipmentContext: (shipmentId: string, session: Session) =>
      contexts.findOne({ _id: shipmentId }, { session }),
    /** Inserts the context, or replaces what was told of the shipment and its invoice. */
    async saveShipmentContext(context: ShipmentContextRecord, session: Session): Promise<void> {
      const { _id, ...fields } = context;
      await contexts.updateOne({ _id }, { $set: fields }, { upsert: true, session });
    },
    /** Per-request batching loaders. */
    loaders: () => ({
      casesOfOrder: loaderOfMany(cases, "orderId", "openedAt"),
    }),
  };
}

export type CustomerServiceRepository = ReturnType<typeof customerServiceRepository>;
export type CustomerServiceLoaders = ReturnType<CustomerServiceRepository["loaders"]>;
