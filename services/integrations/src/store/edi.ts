import type { Store } from "@waybill/store";
import { integrationsCollections } from "./collections.ts";
import type { Acknowledgement, InterchangeRecord } from "./records.ts";

/** The EDI connector's own collections: a control-number counter per partner, its interchanges. */
export function interchangeRepository(store: Store) {
  const { ediCounters: counters, ediInterchanges: interchanges } = integrationsCollections(store);
  return {
    prepare: () => interchanges.createIndex({ keys: { deliveryId: 1, controlNumber: -1 } }),
    /**
     * The interchange of a delivery: the one prepared before unless the partner rejected it,
     * else a new one with the partner's next control number. Counter and record are written in
     * one transaction, so a number is never taken without its interchange (gapless) nor twice.
     */
    assign(
      partner: string,
      deliveryId: string,
      reference: string,
      fileName: (controlNumber: number) => string,
      now: Date,
    ): Promise<InterchangeRecord> {
      return store.withTransaction(async (session) => {
        const [latest] = await interchanges.find(
          { deliveryId, partner },
          { sort: { controlNumber: -1 }, limit: 1, session },
        );
        if (latest && latest.acknowledgement !== "rejected") return latest;
        const counter = await counters.findOneAndUpdate(
          { _id: partner },
          { $inc: { last: 1 } },
          { upsert: true, returnDocument: "after", session },
        );
        const controlNumber = counter?.last ?? 1;
        const record: InterchangeRecord = {
          _id: `${partner}:${controlNumber}`,
          partner,
          controlNumber,
          deliveryId,
          reference,
          fileName: fileName(controlNumber),
          preparedAt: now,
          writtenAt: null,
          acknowledgement: "pending",
          acknowledgedAt: null,
          acknowledgementNote: null,
        };
        await interchanges.insertOne(record, { session });
        return record;
      });
    },
    written: (id: string, at: Date) =>
      interchanges.updateOne({ _id: id }, { $set: { writtenAt: at } }),
    byControlNumber: (partner: string, controlNumber: number) =>
      interchanges.findOne({ _id: `${partner}:${controlNumber}` }),
    /** The interchanges of one delivery, newest first. */
    ofDelivery: (deliveryId: string) =>
      interchanges.find({ deliveryId }, { sort: { controlNumber: -1 } }),
    /** Records an acknowledgement once: a 997 read twice changes nothing. */
    acknowledge: (id: string, acknowledgement: Acknowledgement, note: string | null, at: Date) =>
      interchanges.findOneAndUpdate(
        { _id: id, acknowledgement: "pending" },
        { $set: { acknowledgement, acknowledgementNote: note, acknowledgedAt: at } },
      ),
  };
}

export type InterchangeRepository = ReturnType<typeof interchangeRepository>;
