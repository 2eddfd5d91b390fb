import type { Doc, Store } from "../store/port.ts";

/** The collection where events that could not be applied land, for an owner to retry or replay. */
export const EXCEPTIONS = "exceptions";

/** `validation`: the message is not a valid event; `max_deliveries`: the handler kept failing. */
export type ExceptionCategory = "validation" | "max_deliveries";

export interface ExceptionFields {
  /** The consumer (durable name) or component that gave up on the event. */
  consumer: string;
  category: ExceptionCategory;
  /** The last error, one line. */
  error: string;
  /** The message payload as received (raw JSON text), so it can be replayed as it was. */
  event: string;
  eventId: string | null;
  type: string | null;
  /** Where it came from on the broker. */
  stream: string;
  streamSeq: number | null;
  status: "open";
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** Deliveries spent on it, summed over every time it landed here. */
  attempts: number;
}

export type ExceptionRecord = Doc & ExceptionFields;

export type NewException = { _id: string } & Omit<
  ExceptionFields,
  "status" | "firstSeenAt" | "lastSeenAt"
>;

/** Records (or updates) an exception in its own transaction; landing twice adds up the attempts. */
export async function recordException(store: Store, input: NewException): Promise<void> {
  const exceptions = store.collection<ExceptionRecord>(EXCEPTIONS);
  await store.withTransaction(async (session) => {
    const now = new Date();
    const existing = await exceptions.findOne({ _id: input._id }, { session });
    if (existing === null) {
      await exceptions.insertOne(
        { ...input, status: "open", firstSeenAt: now, lastSeenAt: now },
        { session },
      );
      return;
    }
    await exceptions.updateOne(
      { _id: input._id },
      {
        $set: { error: input.error, category: input.category, status: "open", lastSeenAt: now },
        $inc: { attempts: input.attempts },
      },
      { session },
    );
  });
}
