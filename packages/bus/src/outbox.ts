import { parseEvent, type EventData, type EventOf, type EventType } from "@waybill/contracts";
import { currentContext, currentCorrelationId } from "@waybill/observability";
import type { Doc, Session, Store } from "@waybill/store";
import { uuidv7 } from "./ids.ts";

/** The collection holding events written with a business change and not yet published. */
export const OUTBOX = "outbox";

/** One outbox record; `seq` orders records written by one process, ties broken by time. */
export type OutboxRecord = Doc & {
  event: EventOf<EventType>;
  createdAt: Date;
  seq: number;
};

export interface NewEvent<T extends EventType> {
  type: T;
  /** The entity the event is about (CloudEvents `subject`), for example the shipment id. */
  subject: string;
  data: EventData<T>;
  /** The producing service (CloudEvents `source`), for example `/waybill/shipments`. */
  source: string;
  /** Defaults to a new UUID v7; pass one to make the event itself idempotent. */
  id?: string;
}

let lastSeq = 0;

// Microseconds since the epoch, strictly increasing within this process (fits below 2^53).
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

/** Builds a validated CloudEvents envelope, taking correlation and trace from the current context. */
export function buildEvent<T extends EventType>(input: NewEvent<T>): EventOf<T> {
  const traceparent = currentContext()?.traceparent;
  const envelope = {
    specversion: "1.0",
    id: input.id ?? uuidv7(),
    source: input.source,
    type: input.type,
    subject: input.subject,
    time: new Date().toISOString(),
    datacontenttype: "application/json",
    correlationid: currentCorrelationId(),
    ...(traceparent === undefined ? {} : { traceparent }),
    data: input.data,
  };
  // parseEvent checked `data` against the schema registered for `input.type`.
  return parseEvent(envelope) as EventOf<T>;
}

/**
 * Writes an event to the outbox inside the caller's transaction, so that it is published if and
 * only if the business change commits. Throws `InvalidEventError` (failing the transaction) when
 * the event does not match its contract. Notify the outbox relay after the commit.
 */
export async function enqueueEvent<T extends EventType>(
  store: Store,
  session: Session,
  input: NewEvent<T>,
): Promise<EventOf<T>> {
  const event = buildEvent(input);
  const record: OutboxRecord = { _id: event.id, event, createdAt: new Date(), seq: nextSeq() };
  await store.collection<OutboxRecord>(OUTBOX).insertOne(record, { session });
  return event;
}
