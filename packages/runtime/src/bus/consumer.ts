import type { Consumer, ConsumerMessages } from "@nats-io/jetstream";
import type { EventType } from "@waybill/contracts";
import { setTimeout as delay } from "node:timers/promises";
import type { ConsumerOptions, ConsumerProgress, RunningConsumer } from "./consumer-types.ts";
import { messageHandler } from "./handle.ts";
import { consumerFilter, ensureDurableConsumer } from "./provision.ts";
import { backoffDelay, sleep } from "./timing.ts";
import { isStalled, progressed } from "./watchdog.ts";

const DEFAULT_BACKOFF_MS = [1_000, 5_000, 15_000, 30_000, 60_000];
const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * Provisions the durable pull consumer, then pulls and applies each event once, through the inbox,
 * one message at a time, until stopped. Rejects when the consumer cannot be provisioned.
 */
export async function startConsumer<T extends EventType = EventType>(
  options: ConsumerOptions<T>,
): Promise<RunningConsumer> {
  const { bus, durable, stream, expiresMs = 10_000, batchSize = 10 } = options;
  const { types, filterSubject } = consumerFilter(bus.names, stream, options.filterSubjects);
  const streamName = bus.names.streamName(stream);
  const logger = options.logger.child({
    component: "consumer",
    consumer: durable,
    stream: streamName,
  });
  const handle = messageHandler({
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
        for await (const msg of pulling) {
          if (stopping.signal.aborted) {
            msg.nak();
            continue;
          }
          const outcome = await handle(msg);
          counts[outcome] += 1;
          if (outcome === "handled") options.onCommitted?.();
        }
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
