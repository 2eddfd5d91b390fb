import type { Store } from "@waybill/store";

/** What the partner's functional acknowledgement said of an interchange (997 AK9 / none yet). */
export type Acknowledgement = "pending" | "accepted" | "accepted_with_errors" | "rejected";

/**
 * One interchange written for one delivery, keyed by partner and control number. Its control
 * number (ISA13 = GS06 = ST02, or UNB0020 = UNH0062) and the instant in its envelope are fixed
 * when it is first prepared, so every attempt writes the same bytes.
 */
export type InterchangeRecord = {
  /** `<partner>:<control number>`. */
  _id: string;
  partner: string;
  controlNumber: number;
  /** The connector delivery it carries (`edi:<document id>`). */
  deliveryId: string;
  reference: string;
  fileName: string;
  preparedAt: Date;
  writtenAt: Date | null;
  acknowledgement: Acknowledgement;
  acknowledgedAt: Date | null;
  /** What the acknowledgement said, when it was not a plain acceptance. */
  acknowledgementNote: string | null;
};

type CounterRecord = { _id: string; last: number };

/** The EDI connector's own collections: a control-number counter per partner, its interchanges. */
export function interchangeRepository(store: Store) {
  const counters = store.collection<CounterRecord>("ediCounters");
  const interchanges = store.collection<InterchangeRecord>("ediInterchanges");
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
