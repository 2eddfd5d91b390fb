import type { JsMsg } from "@nats-io/jetstream";
import { parseEvent, type EventOf, type EventType } from "@waybill/contracts";
import { type Logger, runWithContext } from "@waybill/observability";
import type { Session, Store } from "@waybill/store";
import { isRetryLater } from "./errors.ts";
import { batchHandler } from "./batch.ts";
import { applyOnce } from "./inbox.ts";
import { parkFailed, parkInvalid } from "./park.ts";
import { backoffDelay, retryDelay } from "./timing.ts";

/** A consumed event, narrowed by its `type` (a discriminated union over `T`). */
export type ConsumedEvent<T extends EventType> = T extends EventType ? EventOf<T> : never;

export interface HandlerContext {
  /** The transaction the inbox record is written in: write every effect with it. */
  session: Session;
  /** 1 on first delivery. */
  deliveryCount: number;
}

export type EventHandler<T extends EventType> = (
  event: ConsumedEvent<T>,
  context: HandlerContext,
) => Promise<void>;

export type Outcome = "handled" | "duplicate" | "skipped" | "retrying" | "terminated";

export interface MessageHandlerDeps<T extends EventType> {
  store: Store;
  logger: Logger;
  durable: string;
  streamName: string;
  /** Event types this consumer applies; others on its subject are acked and skipped. */
  types: ReadonlySet<string>;
  typeOf: (subject: string) => string;
  handle: EventHandler<T>;
  maxDeliver: number;
  backoffMs: readonly number[];
}

/** Takes messages through parse, inbox, handler and ack/nak/term. */
export interface MessageHandling {
  /** One message in its own transaction. */
  one(msg: JsMsg): Promise<Outcome>;
  /**
   * Several messages, their effects and inbox records in one transaction (one commit); when any
   * of them fails, none is applied and each is then taken on its own, so one failing event
   * delays the others but never makes them fail or apply twice.
   */
  many(msgs: readonly JsMsg[]): Promise<Outcome[]>;
}

/** Builds the functions that take messages through parse, inbox, handler and ack/nak/term. */
export function messageHandler<T extends EventType>(deps: MessageHandlerDeps<T>): MessageHandling {
  const { store, logger, durable } = deps;
  const isHandled = (event: EventOf<EventType>): event is ConsumedEvent<T> =>
    deps.types.has(event.type);

  async function fail(msg: JsMsg, event: EventOf<EventType>, error: unknown): Promise<Outcome> {
    const deliveries = msg.info.deliveryCount;
    const fields = { err: error, eventId: event.id, type: event.type, deliveries };
    if (deliveries < deps.maxDeliver) {
      const delay = retryDelay(deps.backoffMs, deliveries, error);
      logger[isRetryLater(error) ? "info" : "warn"](
        { ...fields, delay },
        "event not applied; will retry",
      );
      msg.nak(delay);
      return "retrying";
    }
    logger.error(fields, "event not applied after max deliveries; parked as exception");
    await parkFailed(store, deps, msg, event, error);
    return "terminated";
  }

  async function invalid(msg: JsMsg, error: unknown): Promise<Outcome> {
    logger.error(
      { err: error, subject: msg.subject, streamSeq: msg.seq },
      "invalid event; parked as exception",
    );
    await parkInvalid(store, deps, msg, deps.typeOf(msg.subject), error);
    return "terminated";
  }

  async function consume(msg: JsMsg): Promise<Outcome> {
    if (!deps.types.has(deps.typeOf(msg.subject))) {
      msg.ack();
      return "skipped";
    }
    let event: EventOf<EventType>;
    try {
      event = parseEvent(JSON.parse(msg.string()));
    } catch (error) {
      return invalid(msg, error);
    }
    if (!isHandled(event))
      return invalid(msg, new Error(`type ${event.type} does not match subject ${msg.subject}`));
    const context = { correlationId: event.correlationid, traceparent: event.traceparent };
    if (msg.info.deliveryCount > deps.maxDeliver) {
      // Delivered again and again without an ack or a nak: its handling takes the process down or
      // outlives the ack wait. Park it before trying once more, so it cannot stall the consumer.
      const error = new Error(
        `delivered ${msg.info.deliveryCount} times without being acknowledged`,
      );
      logger.error(
        { eventId: event.id, type: event.type },
        "event never acknowledged; parked as exception",
      );
      await parkFailed(store, deps, msg, event, error);
      return "terminated";
    }
    return runWithContext(context, async () => {
      try {
        const deliveryCount = msg.info.deliveryCount;
        const outcome = await applyOnce(store, durable, event, (session) =>
          deps.handle(event, { session, deliveryCount }),
        );
        msg.ack();
        logger.debug({ eventId: event.id, type: event.type, outcome }, "event consumed");
        return outcome;
      } catch (error) {
        return fail(msg, event, error);
      }
    });
  }

  async function one(msg: JsMsg): Promise<Outcome> {
    try {
      return await consume(msg);
    } catch (error) {
      // Not even the exception record could be written (store down): try again later.
      const delay = backoffDelay(deps.backoffMs, msg.info.deliveryCount);
      logger.error({ err: error, streamSeq: msg.seq, delay }, "message not processed; will retry");
      msg.nak(delay);
      return "retrying";
    }
  }

  return { one, many: batchHandler({ ...deps, isHandled }, one) };
}
