import { type Doc, isDuplicateKeyError, type Session, type Store } from "@waybill/store";

/** The collection recording which consumer applied which event (`_id` = `<consumer>:<event id>`). */
export const INBOX = "inbox";

export type InboxRecord = Doc & {
  consumer: string;
  eventId: string;
  type: string;
  receivedAt: Date;
};

class AlreadyApplied extends Error {}

/**
 * Runs `effect` in one transaction with the inbox record of (`consumer`, event id), so the effect
 * happens at most once per consumer however often the event arrives. Returns "duplicate" without
 * running it when the record exists.
 */
export async function applyOnce(
  store: Store,
  consumer: string,
  event: { id: string; type: string },
  effect: (session: Session) => Promise<void>,
): Promise<"handled" | "duplicate"> {
  const inbox = store.collection<InboxRecord>(INBOX);
  const _id = `${consumer}:${event.id}`;
  try {
    return await store.withTransaction(async (session) => {
      if ((await inbox.findOne({ _id }, { session })) !== null) return "duplicate";
      const record = { _id, consumer, eventId: event.id, type: event.type, receivedAt: new Date() };
      // A concurrent instance won the race; MongoDB aborts the transaction, so leave by throwing.
      await inbox.insertOne(record, { session }).catch((error: unknown) => {
        throw isDuplicateKeyError(error) ? new AlreadyApplied() : error;
      });
      await effect(session);
      return "handled";
    });
  } catch (error) {
    if (error instanceof AlreadyApplied) return "duplicate";
    throw error;
  }
}

/**
 * Runs `effect` for each event not yet applied by `consumer`, all in one transaction with their
 * inbox records (one commit for the lot). Events applied before, or earlier in `events`, are
 * "duplicate". Throws when any effect throws: nothing of the batch is then applied.
 */
export async function applyAllOnce<E extends { id: string; type: string }>(
  store: Store,
  consumer: string,
  events: readonly E[],
  effect: (event: E, session: Session) => Promise<void>,
): Promise<("handled" | "duplicate")[]> {
  const inbox = store.collection<InboxRecord>(INBOX);
  const key = (event: E) => `${consumer}:${event.id}`;
  return store.withTransaction(async (session) => {
    const seen = new Set(
      (await inbox.find({ _id: { $in: events.map(key) } }, { session })).map((r) => r._id),
    );
    const outcomes: ("handled" | "duplicate")[] = [];
    const records: InboxRecord[] = [];
    for (const event of events) {
      const _id = key(event);
      if (seen.has(_id)) {
        outcomes.push("duplicate");
        continue;
      }
      seen.add(_id);
      records.push({ _id, consumer, eventId: event.id, type: event.type, receivedAt: new Date() });
      outcomes.push("handled");
    }
    // A concurrent instance that won a race makes this throw: the caller applies them one by one.
    if (records.length > 0) await inbox.insertMany(records, { session });
    for (const [index, event] of events.entries()) {
      if (outcomes[index] === "handled") await effect(event, session);
    }
    return outcomes;
  });
}
