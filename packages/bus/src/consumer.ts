import type { Consumer, ConsumerInfo, ConsumerMessages, JsMsg } from "@nats-io/jetstream";
import { setTimeout as delay } from "node:timers/promises";
import { applyBatch } from "./batch.ts";
import { internalsOf } from "./bus.ts";
import {
  deliveryPolicy,
  pullPolicy,
  type ConsumerOptions,
  type ConsumerProgress,
  type ConsumerState,
  type RunningConsumer,
} from "./consumer-types.ts";
import { receive, type Applying } from "./delivery.ts";
import { handledTypes } from "./handlers.ts";
import { checkTypes, consumerFilter } from "./filter.ts";
import { ensureDurableConsumer } from "./provision.ts";
import { RECONNECT_BACKOFF_MS, Wakeup, backoffDelay, sleep } from "./timing.ts";
import { isStalled, progressed } from "./watchdog.ts";

const NEVER = new AbortController().signal;

const stateOf = (info: ConsumerInfo): ConsumerState => ({
  pending: info.num_pending,
  ackPending: info.num_ack_pending,
  redelivered: info.num_redelivered,
  deliveredSequence: info.delivered.stream_seq,
  filterSubject: info.config.filter_subject ?? "",
});

/**
 * Provisions the durable pull consumer, then pulls and applies each event once, through the inbox,
 * until stopped. What arrived while a transaction ran is applied together in the next one (one
 * commit), so batches grow with the load and a lone event waits for nobody.
 * Rejects when the options are invalid or the consumer cannot be provisioned.
 */
export async function startConsumer<W>(options: ConsumerOptions<W>): Promise<RunningConsumer> {
  const delivery = deliveryPolicy.parse(options.delivery);
  const { batchSize, expiresMs, watchdogMs } = pullPolicy.parse(options.pull);
  const { bus, durable, stream } = options;
  checkTypes(stream, handledTypes(options.handlers));
  const { names, jetstream, manager } = internalsOf(bus);
  const { types, filterSubject } = consumerFilter(names, stream, handledTypes(options.handlers));
  const streamName = names.streamName(stream);
  const logger = options.logger.child({
    component: "consumer",
    consumer: durable,
    stream: streamName,
  });
  const applying: Applying<W> = {
    store: options.store,
    logger,
    durable,
    streamName,
    types,
    typeOf: names.typeOf,
    handlers: options.handlers,
    work: options.work,
    delivery,
  };
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
    const spec = { stream, durable, filterSubject, ackWaitMs: delivery.ackWaitMs };
    await ensureDurableConsumer(bus, spec);
    return jetstream.consumers.get(streamName, durable);
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
      const outcomes = await applyBatch(
        applying,
        batch.map((msg) => receive(applying, msg)),
      );
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
        await sleep(backoffDelay(RECONNECT_BACKOFF_MS, failures), stopping.signal);
      }
    }
  }

  const state = async () => stateOf(await manager.consumers.info(streamName, durable));
  const running = run(await connectConsumer());
  // The watchdog: messages waiting, nothing moving, no pull for a while -> restart the pull loop.
  let progressBefore = progressed(counts);
  const watchdog = setInterval(() => {
    void state().then(
      ({ pending }) => {
        const progressNow = progressed(counts);
        const check = {
          pending,
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
          { pending, restarts: counts.restarts },
          "consumer stalled; restarting its pull loop",
        );
        void pulling?.close();
      },
      () => undefined, // the broker is away; the pull loop's own retries cover that
    );
  }, watchdogMs);
  watchdog.unref();
  return {
    state,
    progress: () => ({ ...counts }),
    async waitIdle(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { pending, ackPending } = await state();
        if (pending === 0 && ackPending === 0) return;
        if (Date.now() > deadline)
          throw new Error(`consumer ${durable} not idle after ${timeoutMs} ms`);
        await delay(50);
      }
    },
    async stop() {
      clearInterval(watchdog);
      stopping.abort();
      // A broker already gone (stopped before this service) leaves nothing to hand back.
      await pulling?.close().catch(() => undefined);
      await running;
    },
  };
}
