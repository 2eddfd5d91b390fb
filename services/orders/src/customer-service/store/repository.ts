import { loaderOfMany, type Session, type Store } from "@waybill/store";
import type {
  NoteRecord,
  ServiceCaseRecord,
  ShipmentContextRecord,
  TimelineEntry,
  TimelineRecord,
} from "./records.ts";

/** Indexes of customer service's collections; idempotent. */
export async function prepareCustomerServiceStore(store: Store): Promise<void> {
  const cases = store.collection("serviceCases");
  await cases.createIndex({ keys: { openKey: 1 }, unique: true });
  await cases.createIndex({ keys: { orderId: 1, openedAt: 1 } });
  await cases.createIndex({ keys: { shipmentId: 1, status: 1 } });
  await cases.createIndex({ keys: { status: 1, openedAt: -1 } });
  await store.collection("timeline").createIndex({ keys: { orderId: 1, sequence: 1 } });
}

let lastSequence = 0;
/** Strictly increasing in this process, and close to the time in microseconds across processes. */
function nextSequence(): number {
  lastSequence = Math.max(lastSequence + 1, Date.now() * 1000);
  return lastSequence;
}

const timelineRecord = (orderId: string, entry: TimelineEntry): TimelineRecord => ({
  _id: `${orderId}:${entry.key}`,
  orderId,
  ...entry,
  sequence: nextSequence(),
});

/** Reads and writes of orders' timelines, service cases and the shipments they are about. */
export function customerServiceRepository(store: Store) {
  const timeline = store.collection<TimelineRecord>("timeline");
  const cases = store.collection<ServiceCaseRecord>("serviceCases");
  const contexts = store.collection<ShipmentContextRecord>("shipmentContexts");
  const upsertEntry = (orderId: string, entry: TimelineEntry) => {
    const { _id, ...fields } = timelineRecord(orderId, entry);
    return { filter: { _id }, update: { $setOnInsert: fields }, upsert: true };
  };
  return {
    /** Records an entry unless the order's timeline has its key; true when it is new. */
    async recordOnce(orderId: string, entry: TimelineEntry, session: Session): Promise<boolean> {
      const { filter, update, upsert } = upsertEntry(orderId, entry);
      const result = await timeline.updateOne(filter, update, { upsert, session });
      return result.upsertedId !== null;
    },
    /** Records entries, in order, skipping any whose key the order's timeline has. */
    async addToTimeline(orderId: string, entries: TimelineEntry[], session: Session) {
      await timeline.bulkWrite(
        entries.map((entry) => ({ updateOne: upsertEntry(orderId, entry) })),
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
      /** An order's timeline in the order it was recorded. */
      timelineOfOrder: loaderOfMany(timeline, "orderId", "sequence"),
    }),
  };
}

export type CustomerServiceRepository = ReturnType<typeof customerServiceRepository>;
export type CustomerServiceLoaders = ReturnType<CustomerServiceRepository["loaders"]>;
