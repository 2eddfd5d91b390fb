import { randomBytes } from "node:crypto";
import { isDuplicateKeyError, type Store } from "@waybill/store";

/** A response as the gateway sent it, kept to be sent again. */
export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * One idempotency key of one principal. `_id` is the principal's subject and the key, so a
 * second claim of the same key fails on the primary key, in one instance or in several sharing
 * the store. `claim` tells this claim from a later one after expiry.
 */
export type IdempotencyRecord = {
  _id: string;
  subject: string;
  key: string;
  requestHash: string;
  claim: string;
  state: "in_progress" | "completed";
  claimedAt: Date;
  expiresAt: Date;
  response: StoredResponse | null;
};

/** What claiming a key found: the claim is ours, or another request's record. */
export type ClaimOutcome =
  { claimed: true; claim: string } | { claimed: false; record: IdempotencyRecord };

/** Idempotency records in the gateway's own store; each lives `ttlSeconds` from its claim. */
export async function idempotencyRecords(store: Store, ttlSeconds: number) {
  const records = store.collection<IdempotencyRecord>("idempotency_keys");
  await records.createIndex({ keys: { expiresAt: 1 } });
  const idOf = (subject: string, key: string) => JSON.stringify([subject, key]);
  const current = async (id: string) => {
    const record = await records.findOne({ _id: id });
    if (!record || record.expiresAt > new Date()) return record;
    // Lapsed: removed on read, but only that claim, never one made since.
    await records.deleteOne({ _id: id, claim: record.claim });
    return null;
  };
  return {
    /** Claims the key for a request with this hash, or returns the record that holds it. */
    async claim(subject: string, key: string, requestHash: string): Promise<ClaimOutcome> {
      const id = idOf(subject, key);
      for (;;) {
        const claim = randomBytes(12).toString("hex");
        const claimedAt = new Date();
        try {
          await records.insertOne({
            _id: id,
            subject,
            key,
            requestHash,
            claim,
            state: "in_progress",
            claimedAt,
            expiresAt: new Date(claimedAt.getTime() + ttlSeconds * 1_000),
            response: null,
          });
          return { claimed: true, claim };
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
        }
        const record = await current(id);
        // Gone between the insert and the read (expired or released): claim again.
        if (record) return { claimed: false, record };
      }
    },
    /** The live record of a key, if any. */
    find: (subject: string, key: string) => current(idOf(subject, key)),
    /** Keeps the response of a claim, to be replayed until the record expires. */
    async complete(subject: string, key: string, claim: string, response: StoredResponse) {
      await records.updateOne(
        { _id: idOf(subject, key), claim },
        { $set: { state: "completed", response } },
      );
    },
    /** Gives the key back: the request ended before anything was executed. */
    async release(subject: string, key: string, claim: string) {
      await records.deleteOne({ _id: idOf(subject, key), claim });
    },
    /** Deletes every expired record; returns how many. */
    sweep: () => records.deleteMany({ expiresAt: { $lte: new Date() } }),
  };
}

export type IdempotencyRecords = Awaited<ReturnType<typeof idempotencyRecords>>;
