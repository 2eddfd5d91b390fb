// The broker as the benchmarks see it: consumer progress, drain, redeliveries, raw publish speed.
import { setTimeout as sleep } from "node:timers/promises";
import {
  DiscardPolicy,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
} from "@nats-io/jetstream";
import { connect, headers, nanos, type NatsConnection } from "@nats-io/transport-node";

export interface ConsumerState {
  /** `STREAM/durable`. */
  key: string;
  /** Deliveries so far, redeliveries included (the consumer sequence). */
  deliveries: number;
  /** Messages of the stream matching the consumer's filter. */
  matched: number;
  pending: number;
  ackPending: number;
  /** Pull requests waiting on the server. */
  waiting: number;
}

export interface Broker {
  connection: NatsConnection;
  manager: JetStreamManager;
  consumers(): Promise<ConsumerState[]>;
  /** Messages stored per stream (the events published so far). */
  published(): Promise<Map<string, number>>;
  /** Resolves once no consumer has anything pending or unacknowledged. */
  drained(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const matches = (filter: string, subject: string) =>
  filter.endsWith(".>") ? subject.startsWith(filter.slice(0, -1)) : filter === subject;

export async function openBroker(url: string): Promise<Broker> {
  const connection = await connect({ servers: url, name: "bench" });
  const manager = await jetstreamManager(connection);
  const streamNames = async () => {
    const names: string[] = [];
    for await (const name of manager.streams.names()) names.push(name);
    return names.filter((name) => !name.startsWith("BENCH"));
  };
  const broker: Broker = {
    connection,
    manager,
    async consumers() {
      const states: ConsumerState[] = [];
      for (const stream of await streamNames()) {
        const info = await manager.streams.info(stream, { subjects_filter: ">" });
        const subjects = Object.entries(info.state.subjects ?? {});
        for await (const consumer of manager.consumers.list(stream)) {
          const filter = consumer.config.filter_subject ?? ">";
          states.push({
            key: `${stream}/${consumer.name}`,
            deliveries: consumer.delivered.consumer_seq,
            matched: subjects
              .filter(([subject]) => filter === ">" || matches(filter, subject))
              .reduce((sum, [, count]) => sum + count, 0),
            pending: consumer.num_pending,
            ackPending: consumer.num_ack_pending,
            waiting: consumer.num_waiting,
          });
        }
      }
      return states;
    },
    async published() {
      const counts = new Map<string, number>();
      for (const stream of await streamNames()) {
        counts.set(stream, (await manager.streams.info(stream)).state.messages);
      }
      return counts;
    },
    async drained(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const states = await broker.consumers();
        if (states.every((state) => state.pending === 0 && state.ackPending === 0)) return;
        if (Date.now() > deadline)
          throw new Error(`consumers not drained after ${timeoutMs} ms: ${JSON.stringify(states)}`);
        await sleep(100);
      }
    },
    close: () => connection.drain(),
  };
  return broker;
}

/** Deliveries beyond the first, per consumer, between two readings (both taken when drained). */
export function redeliveries(before: ConsumerState[], after: ConsumerState[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const state of after) {
    const earlier = before.find((candidate) => candidate.key === state.key);
    const extra =
      state.deliveries - (earlier?.deliveries ?? 0) - (state.matched - (earlier?.matched ?? 0));
    result.set(state.key, extra);
  }
  return result;
}

export interface RawPublishResult {
  messages: number;
  seconds: number;
  perSecond: number;
}

/**
 * Acked JetStream publishes of `size`-byte messages with a msg id (as the outbox relay sends them),
 * into a file stream like the services' ones: `inFlight` unacknowledged at most (1 = publish, wait
 * for the ack, publish the next, as the relay does).
 */
export async function rawPublish(
  broker: Broker,
  options: { messages: number; size: number; inFlight: number; stream: string },
): Promise<RawPublishResult> {
  const { manager } = broker;
  const subject = `${options.stream.toLowerCase()}.raw`;
  await manager.streams.delete(options.stream).catch(() => false);
  await manager.streams.add({
    name: options.stream,
    subjects: [`${options.stream.toLowerCase()}.>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(120_000),
  });
  const js = jetstream(broker.connection);
  const payload = new Uint8Array(options.size).fill(120);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.messages) {
      const id = `${options.stream}-${next++}`;
      const h = headers();
      h.set("x-correlation-id", id);
      await js.publish(subject, payload, { msgID: id, headers: h, timeout: 10_000 });
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  await manager.streams.delete(options.stream);
  return { messages: options.messages, seconds, perSecond: options.messages / seconds };
}
