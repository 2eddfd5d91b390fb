import type { Doc, Store } from "@waybill/store";

/** The collection where events that could not be applied land, for an owner to retry or replay. */
export const EXCEPTIONS = "exceptions";

/**
 * `validation`: the message is not a valid event; `missing_reference`: what it refers to never
 * arrived; `conflict`: it collides with data already stored; `max_deliveries`: the handler kept failing.
 */
export type ExceptionCategory = "validation" | "missing_reference" | "conflict" | "max_deliveries";

/** Who looks at an exception. */
export type ExceptionOwner = "operations" | "finance" | "master_data";

export type ExceptionStatus = "open" | "retried" | "resolved";

/** Billing's failures go to finance, missing references to master data, the rest to operations. */
export function ownerOf(consumer: string, category: ExceptionCategory): ExceptionOwner {
  if (category === "missing_reference") return "master_data";
  if (category === "max_deliveries" && consumer === "billing") return "finance";
  return "operations";
}

export interface ExceptionFields {
  /** The consumer (durable name) or component that gave up on the event. */
  consumer: string;
  category: ExceptionCategory;
  owner: ExceptionOwner;
  /** The last error, one line. */
  error: string;
  /** The message payload as received (raw JSON text), so it can be replayed as it was. */
  event: string;
  eventId: string | null;
  type: string | null;
  /** Where it came from on the broker. */
  stream: string;
  streamSeq: number | null;
  status: ExceptionStatus;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** Deliveries spent on it, summed over every time it landed here. */
  attempts: number;
  /** Why it was closed, by whom or by which retry. */
  resolution: string | null;
  resolvedAt: Date | null;
}

export type ExceptionRecord = Doc & ExceptionFields;

export type NewException = { _id: string } & Omit<
  ExceptionFields,
  "status" | "firstSeenAt" | "lastSeenAt" | "owner" | "resolution" | "resolvedAt"
>;

/** Records (or updates) an exception in its own transaction; landing twice adds up the attempts. */
export async function recordException(store: Store, input: NewException): Promise<void> {
  const exceptions = store.collection<ExceptionRecord>(EXCEPTIONS);
  await store.withTransaction(async (session) => {
    const now = new Date();
    const existing = await exceptions.findOne({ _id: input._id }, { session });
    if (existing === null) {
      const owner = ownerOf(input.consumer, input.category);
      const fresh = {
        status: "open" as const,
        firstSeenAt: now,
        lastSeenAt: now,
        resolution: null,
        resolvedAt: null,
      };
      await exceptions.insertOne({ ...input, owner, ...fresh }, { session });
      return;
    }
    await exceptions.updateOne(
      { _id: input._id },
      {
        $set: {
          error: input.error,
          category: input.category,
          owner: ownerOf(input.consumer, input.category),
          status: "open",
          lastSeenAt: now,
          resolution: null,
          resolvedAt: null,
        },
        $inc: { attempts: input.attempts },
      },
      { session },
    );
  });
}
