import type { Consumer, ConsumerMessages, JsMsg } from "@nats-io/jetstream";
import type { EventType } from "@waybill/contracts";
import { setTimeout as delay } from "node:timers/promises";
import type { ConsumerOptions, ConsumerProgress, RunningConsumer } from "./consumer-types.ts";
import { messageHandler } from "./handle.ts";
import { consumerFilter, ensureDurableConsumer } from "./provision.ts";
import { Wakeup, backoffDelay, sleep } from "./timing.ts";
import { isStalled, progressed } from "./watchdog.ts";

const DEFAULT_BACKOFF_MS = [1_000, 5_000, 15_000, 30_000, 60_000];
const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];
const NEVER = new AbortController().signal;

/**
 * Provisions the durable pull consumer, then pulls and applies each event once, through the inbox,
 * until stopped. What arrived while a transaction ran is applied together in the next one (one
 * commit), so batches grow with the load and a lone event waits for nobody.
 * Rejects when the consumer cannot be provisioned.
 */
export async function startConsumer<T extends EventType = EventType>(
  options: ConsumerOptions<T>,
): Promise<RunningConsumer> {
  const { bus, durable, stream, expiresMs = 2_000, batchSize = 50 } = options;
  const { types, filterSubject } = consumerFilter(bus.names, stream, options.filterSubjects);
  const streamName = bus.names.streamName(stream);
  const logger = options.logger.child({
    component: "consumer",
    consumer: durable,
    stream: streamName,
  });
  const handling = messageHandler({
    store: options.store,
    logger,
    durable,
    streamName,
    types,
    typeOf: bus.names.typeOf,
    handle: options.handle,
    maxDeliver: options.maxDeliver ?? 10,
    backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
  });
  const counts: ConsumerProgress = {
    handled: 0,
    duplicate: 0,
    skipped: 0,
    retrying: 0,
    terminated: 0,
    lastPullAt: null,
    restarts: 0,
  };
  const stopping = new AbortController();
  let pulling: ConsumerMessages | undefined;

  async function connectConsumer(): Promise<Consumer> {
    const spec = { stream, durable, filterSubject, ackWaitMs: options.ackWaitMs ?? 30_000 };
    await ensureDurableConsumer(bus, spec);
    return bus.jetstream.consumers.get(streamName, durable);
  }

  /** Applies the pull's messages as they arrive, taking all that arrived meanwhile as one batch. */
  async function drain(messages: ConsumerMessages): Promise<void> {
    const queue: JsMsg[] = [];
    const arrived = new Wakeup();
    let done = false;
    let failure: { error: unknown } | undefined;
    const pumping = (async () => {
      try {
        for await (const msg of messages) {
          queue.push(msg);
          arrived.notify();
        }
      } catch (error) {
        failure = { error };
      } finally {
        done = true;
        arrived.notify();
      }
    })();
    while (!done || queue.length > 0) {
      if (queue.length === 0) {
        // Not `stopping`: stop() closes the pull, which ends the pump and wakes this wait.
        await arrived.wait(expiresMs, NEVER);
        continue;
      }
      const batch = queue.splice(0, batchSize);
      if (stopping.signal.aborted) {
        for (const msg of batch) msg.nak();
        continue;
      }
      const outcomes = await handling.many(batch);
      for (const outcome of outcomes) counts[outcome] += 1;
      if (outcomes.includes("handled")) options.onCommitted?.();
    }
    await pumping;
    if (failure) throw failure.error;
  }

  async function run(first: Consumer): Promise<void> {
    let consumer: Consumer | undefined = first;
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        consumer ??= await connectConsumer();
        pulling = await consumer.fetch({
          max_messages: batchSize,
          expires: expiresMs,
          idle_heartbeat: expiresMs / 2,
        });
        counts.lastPullAt = new Date();
        if (stopping.signal.aborted) pulling.stop(); // stop() ran while this pull was being set up
        await drain(pulling);
        failures = 0;
      } catch (error) {
        failures += 1;
        consumer = undefined;
        logger.warn({ err: error, failures }, "consumer pull failed; retrying");
        await sleep(backoffDelay(RETRY_MS, failures), stopping.signal);
      }
    }
  }

  const running = run(await connectConsumer());
  // The watchdog: messages waiting, nothing moving, no pull for a while -> restart the pull loop.
  let progressBefore = progressed(counts);
  const watchdog = setInterval(() => {
    void bus.manager.consumers.info(streamName, durable).then(
      (info) => {
        const progressNow = progressed(counts);
        const check = {
          pending: info.num_pending,
          progressNow,
          progressBefore,
          lastPullAt: counts.lastPullAt,
          now: new Date(),
          expiresMs,
        };
        progressBefore = progressNow;
        if (!isStalled(check)) return;
        counts.restarts += 1;
        logger.warn(
          { pending: info.num_pending, restarts: counts.restarts },
          "consumer stalled; restarting its pull loop",
        );
        void pulling?.close();
      },
      () => undefined, // the broker is away; the pull loop's own retries cover that
    );
  }, options.watchdogMs ?? 30_000);
  watchdog.unref();
  return {
    info: () => bus.manager.consumers.info(streamName, durable),
    progress: () => ({ ...counts }),
    async waitIdle(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const info = await bus.manager.consumers.info(streamName, durable);
        if (info.num_pending === 0 && info.num_ack_pending === 0) return;
        if (Date.now() > deadline)
          throw new Error(`consumer ${durable} not idle after ${timeoutMs} ms`);
        await delay(50);
      }
    },
    async stop() {
      clearInterval(watchdog);
      stopping.abort();
      await pulling?.close();
      await running;
    },
  };
}
