import type { JsMsg } from "@nats-io/jetstream";
import { parseEvent, type EventOf, type EventType } from "@waybill/contracts";
import { runWithContext } from "@waybill/observability";
import type { ConsumedEvent, MessageHandlerDeps, Outcome } from "./handle.ts";
import { applyAllOnce } from "./inbox.ts";

interface Pending<T extends EventType> {
  msg: JsMsg;
  event: ConsumedEvent<T>;
}

type BatchDeps<T extends EventType> = MessageHandlerDeps<T> & {
  isHandled: (event: EventOf<EventType>) => event is ConsumedEvent<T>;
};

/**
 * Builds the function that applies several messages in one transaction. Messages that cannot join
 * (types to skip, invalid or over-delivered ones) go through `one`. When an event fails, the batch
 * rolls back; the failing event then goes through `one` (nak, retry, park) and the rest is tried
 * as one batch again; should that fail too, each goes through `one`. Each attempt is atomic with
 * its inbox records, so nothing applies twice.
 */
export function batchHandler<T extends EventType>(
  deps: BatchDeps<T>,
  one: (msg: JsMsg) => Promise<Outcome>,
): (msgs: readonly JsMsg[]) => Promise<Outcome[]> {
  const { store, durable, logger } = deps;

  function batchable(msg: JsMsg): ConsumedEvent<T> | undefined {
    const type = deps.typeOf(msg.subject);
    if (!deps.types.has(type) || msg.info.deliveryCount > deps.maxDeliver) return undefined;
    try {
      const event = parseEvent(JSON.parse(msg.string()));
      return deps.isHandled(event) && event.type === type ? event : undefined;
    } catch {
      return undefined;
    }
  }

  /** Applies `batch` in one transaction and acks it, or says which event failed (if one did). */
  async function attempt(
    batch: readonly Pending<T>[],
  ): Promise<{ outcomes: Outcome[] } | { failed: number | undefined }> {
    let current: number | undefined;
    try {
      const outcomes = await applyAllOnce(
        store,
        durable,
        batch.map(({ event }) => event),
        async (event, session) => {
          current = batch.findIndex((pending) => pending.event === event);
          const { correlationid: correlationId, traceparent } = event;
          const deliveryCount = batch[current]?.msg.info.deliveryCount ?? 1;
          await runWithContext({ correlationId, traceparent }, () =>
            deps.handle(event, { session, deliveryCount }),
          );
          current = undefined; // a later failure (the commit) is not this event's
        },
      );
      for (const { msg } of batch) msg.ack();
      logger.debug({ count: batch.length }, "events consumed in one transaction");
      return { outcomes };
    } catch (error) {
      logger.debug({ err: error, count: batch.length }, "batch rolled back");
      return { failed: current };
    }
  }

  return async (msgs) => {
    const outcomes = new Map<JsMsg, Outcome>();
    let batch: Pending<T>[] = [];
    for (const msg of msgs) {
      const event = batchable(msg);
      if (event) batch.push({ msg, event });
      else outcomes.set(msg, await one(msg)); // skipped or parked: no effect to batch
    }
    for (let tries = 0; batch.length > 1 && tries < 2; tries++) {
      const result = await attempt(batch);
      if ("outcomes" in result) {
        for (const [index, { msg }] of batch.entries())
          outcomes.set(msg, result.outcomes[index] ?? "handled");
        batch = [];
        break;
      }
      const failed = result.failed === undefined ? undefined : batch[result.failed];
      if (!failed) break; // not one event's fault (the inbox, the commit): one at a time
      outcomes.set(failed.msg, await one(failed.msg));
      batch = batch.filter((pending) => pending !== failed);
    }
    for (const { msg } of batch) outcomes.set(msg, await one(msg));
    return msgs.map((msg) => outcomes.get(msg) ?? "retrying");
  };
}
