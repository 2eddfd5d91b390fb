import { inProducerSpan, type Logger } from "@waybill/observability";
import type { Store } from "@waybill/store";
import { internalsOf, type Bus } from "./bus.ts";
import { OUTBOX, type OutboxRecord } from "./outbox.ts";
import { RECONNECT_BACKOFF_MS, Wakeup, backoffDelay, sleep } from "./timing.ts";

export interface OutboxRelayOptions {
  store: Store;
  bus: Bus;
  logger: Logger;
  /** How often to look for records nobody notified about (other instances, restarts). */
  pollIntervalMs: number;
}

/** A running relay from the outbox collection to the broker. */
export interface OutboxRelay {
  /** Wakes the relay; call after committing a transaction that enqueued events. */
  notify(): void;
  /** Resolves once a pass that started after this call found the outbox empty. */
  flush(): Promise<void>;
  /** Finishes the batch in flight, then stops. Pending `flush()` calls reject. */
  stop(): Promise<void>;
}

/**
 * Records read per round. Large rounds: each one waits twice for the store's lock behind request
 * and consumer transactions, so under load the number of rounds, not the broker, bounds the relay.
 */
const BATCH_SIZE = 500;

/**
 * Publishes outbox records in order, a batch at a time, each with msg id = event id, awaits every
 * ack of the batch, then deletes them. Retries with backoff while the broker is unreachable; never drops a record.
 * Several relays on one database are safe: the broker drops the duplicates by msg id.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { store, pollIntervalMs } = options;
  const { publishBuilt } = internalsOf(options.bus);
  const logger = options.logger.child({ component: "outbox-relay" });
  const outbox = store.collection<OutboxRecord>(OUTBOX);
  const wakeup = new Wakeup();
  const stopping = new AbortController();
  const waiters: { after: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  let passes = 0;
  let indexed = false;

  async function drain(): Promise<void> {
    const pass = ++passes;
    if (!indexed) await outbox.createIndex({ keys: { seq: 1 } });
    indexed = true;
    for (;;) {
      const records = await outbox.find({}, { sort: { seq: 1 }, limit: BATCH_SIZE });
      if (records.length === 0) break;
      // All of a batch in flight at once: one connection keeps them in order on the wire, and
      // waiting for each ack in turn would cap the relay at one broker round-trip per event.
      await Promise.all(
        records.map((record) => inProducerSpan(record.event, () => publishBuilt(record.event))),
      );
      // Lazy: a delete lost to a power failure only publishes them again, and the broker (within
      // its duplicate window) or the consumers' inboxes drop the copies; a synced commit per
      // round cost more than the rest of the round.
      await outbox.deleteMany(
        { _id: { $in: records.map((record) => record._id) } },
        { durability: "lazy" },
      );
      logger.debug({ count: records.length }, "outbox batch published");
      if (stopping.signal.aborted) return;
    }
    for (const waiter of waiters.filter((w) => w.after < pass)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        await drain();
        failures = 0;
        await wakeup.wait(pollIntervalMs, stopping.signal);
      } catch (error) {
        failures += 1;
        logger.warn({ err: error, failures }, "outbox relay could not publish; retrying");
        await sleep(backoffDelay(RECONNECT_BACKOFF_MS, failures), stopping.signal);
      }
    }
  }

  const running = run();
  return {
    notify: () => wakeup.notify(),
    flush() {
      if (stopping.signal.aborted) return Promise.reject(new Error("outbox relay is stopped"));
      return new Promise<void>((resolve, reject) => {
        waiters.push({ after: passes, resolve, reject });
        wakeup.notify();
      });
    },
    async stop() {
      stopping.abort();
      wakeup.notify();
      await running;
      for (const waiter of waiters.splice(0)) waiter.reject(new Error("outbox relay stopped"));
    },
  };
}
