import type { JsMsg } from "@nats-io/jetstream";
import { runWithContext } from "@waybill/observability";
import type { Outcome } from "./consumer-types.ts";
import type { ConsumedEvent } from "./decode.ts";
import { applyOne, contextOf, overdelivered, type Applying, type Received } from "./delivery.ts";
import { dispatch } from "./handlers.ts";
import { applyAllOnce } from "./inbox.ts";

type Pending = { kind: "event"; msg: JsMsg; event: ConsumedEvent };

/**
 * Applies several received messages, their effects and inbox records in one transaction (one
 * commit). Messages that cannot join (types to skip, invalid or over-delivered ones) go through
 * `applyOne`. When an event fails, the batch rolls back; the failing event then goes through
 * `applyOne` (nak, retry, park) and the rest is tried as one batch again; should that fail too,
 * each goes on its own. Each attempt is atomic with its inbox records, so nothing applies twice.
 */
export async function applyBatch<W>(
  deps: Applying<W>,
  messages: readonly Received[],
): Promise<Outcome[]> {
  const outcomes = new Map<Received, Outcome>();
  let batch: Pending[] = [];
  for (const received of messages) {
    if (received.kind === "event" && !overdelivered(deps, received.msg)) batch.push(received);
    else outcomes.set(received, await applyOne(deps, received)); // no effect to batch
  }
  for (let tries = 0; batch.length > 1 && tries < 2; tries++) {
    const result = await attempt(deps, batch);
    if ("outcomes" in result) {
      for (const [index, pending] of batch.entries())
        outcomes.set(pending, result.outcomes[index] ?? "handled");
      batch = [];
      break;
    }
    const failed = result.failed === undefined ? undefined : batch[result.failed];
    if (!failed) break; // not one event's fault (the inbox, the commit): one at a time
    outcomes.set(failed, await applyOne(deps, failed));
    batch = batch.filter((pending) => pending !== failed);
  }
  for (const pending of batch) outcomes.set(pending, await applyOne(deps, pending));
  return messages.map((received) => outcomes.get(received) ?? "retrying");
}

/** Applies `batch` in one transaction and acks it, or says which event failed (if one did). */
async function attempt<W>(
  deps: Applying<W>,
  batch: readonly Pending[],
): Promise<{ outcomes: Outcome[] } | { failed: number | undefined }> {
  let current: number | undefined;
  try {
    const outcomes = await applyAllOnce(
      deps.store,
      deps.durable,
      batch.map(({ event }) => event),
      async (event, session) => {
        current = batch.findIndex((pending) => pending.event === event);
        await runWithContext(contextOf(event), () =>
          dispatch(deps.handlers, event, deps.work(session)),
        );
        current = undefined; // a later failure (the commit) is not this event's
      },
    );
    for (const { msg } of batch) msg.ack();
    deps.logger.debug({ count: batch.length }, "events consumed in one transaction");
    return { outcomes };
  } catch (error) {
    deps.logger.debug({ err: error, count: batch.length }, "batch rolled back");
    return { failed: current };
  }
}
