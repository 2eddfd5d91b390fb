import type { JsMsg } from "@nats-io/jetstream";
import { runWithContext, type Logger } from "@waybill/observability";
import type { Session, Store } from "@waybill/store";
import type { DeliveryPolicy, Outcome } from "./consumer-types.ts";
import { decodeEvent, type ConsumedEvent } from "./decode.ts";
import { isRetryLater } from "./errors.ts";
import { dispatch, type EventHandlers } from "./handlers.ts";
import { applyOnce } from "./inbox.ts";
import { parkFailed, parkInvalid } from "./park.ts";
import { backoffDelay, retryDelay } from "./timing.ts";

/** What one consumer applies, and where its messages come from. */
export interface Applying<W> {
  store: Store;
  logger: Logger;
  durable: string;
  streamName: string;
  /** Event types this consumer applies; others on its subject are acked and skipped. */
  types: ReadonlySet<string>;
  typeOf: (subject: string) => string;
  handlers: EventHandlers<W>;
  work: (session: Session) => W;
  delivery: DeliveryPolicy;
}

/** A message as received: parsed once, and sorted by what must happen to it. */
export type Received =
  | { kind: "skip"; msg: JsMsg }
  | { kind: "invalid"; msg: JsMsg; type: string; error: unknown }
  | { kind: "event"; msg: JsMsg; event: ConsumedEvent };

/** Parses a message (once) and sorts it: another type to skip, not a valid event, or an event. */
export function receive(deps: Pick<Applying<unknown>, "types" | "typeOf">, msg: JsMsg): Received {
  const type = deps.typeOf(msg.subject);
  if (!deps.types.has(type)) return { kind: "skip", msg };
  try {
    const event = decodeEvent(msg.string());
    if (event.type !== type)
      throw new Error(`type ${event.type} does not match subject ${msg.subject}`);
    return { kind: "event", msg, event };
  } catch (error) {
    return { kind: "invalid", msg, type, error };
  }
}

/** The trace context an event carries, for its handler's logs and spans. */
export const contextOf = (event: ConsumedEvent) => ({
  correlationId: event.correlationid,
  ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
});

/**
 * Takes one received message through the inbox and its handler in its own transaction, then acks,
 * naks with backoff, or parks it in the exception queue.
 */
export async function applyOne<W>(deps: Applying<W>, received: Received): Promise<Outcome> {
  const { msg } = received;
  try {
    return await settle(deps, received);
  } catch (error) {
    // Not even the exception record could be written (store down): try again later.
    const delay = backoffDelay(deps.delivery.backoffMs, msg.info.deliveryCount);
    deps.logger.error(
      { err: error, streamSeq: msg.seq, delay },
      "message not processed; will retry",
    );
    msg.nak(delay);
    return "retrying";
  }
}

async function settle<W>(deps: Applying<W>, received: Received): Promise<Outcome> {
  const { store, logger, durable } = deps;
  const { msg } = received;
  if (received.kind === "skip") {
    msg.ack();
    return "skipped";
  }
  if (received.kind === "invalid") {
    logger.error(
      { err: received.error, subject: msg.subject, streamSeq: msg.seq },
      "invalid event; parked as exception",
    );
    await parkInvalid(store, deps, msg, received.type, received.error);
    return "terminated";
  }
  const { event } = received;
  if (overdelivered(deps, msg)) {
    // Delivered again and again without an ack or a nak: its handling takes the process down or
    // outlives the ack wait. Park it before trying once more, so it cannot stall the consumer.
    const error = new Error(`delivered ${msg.info.deliveryCount} times without being acknowledged`);
    logger.error({ eventId: event.id, type: event.type }, "event never acknowledged; parked");
    await parkFailed(store, deps, msg, event, error);
    return "terminated";
  }
  return runWithContext(contextOf(event), async () => {
    try {
      const outcome = await applyOnce(store, durable, event, (session) =>
        dispatch(deps.handlers, event, deps.work(session)),
      );
      msg.ack();
      logger.debug({ eventId: event.id, type: event.type, outcome }, "event consumed");
      return outcome;
    } catch (error) {
      return failed(deps, msg, event, error);
    }
  });
}

/** More deliveries than allowed: the broker kept redelivering without hearing back. */
export const overdelivered = (deps: { delivery: DeliveryPolicy }, msg: JsMsg): boolean =>
  msg.info.deliveryCount > deps.delivery.maxDeliver;

async function failed<W>(
  deps: Applying<W>,
  msg: JsMsg,
  event: ConsumedEvent,
  error: unknown,
): Promise<Outcome> {
  const deliveries = msg.info.deliveryCount;
  const fields = { err: error, eventId: event.id, type: event.type, deliveries };
  if (deliveries < deps.delivery.maxDeliver) {
    const delay = retryDelay(deps.delivery.backoffMs, deliveries, error);
    deps.logger[isRetryLater(error) ? "info" : "warn"](
      { ...fields, delay },
      "event not applied; will retry",
    );
    msg.nak(delay);
    return "retrying";
  }
  deps.logger.error(fields, "event not applied after max deliveries; parked as exception");
  await parkFailed(deps.store, deps, msg, event, error);
  return "terminated";
}
