import { pino } from "pino";
import { onTestFinished } from "vitest";
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { connectBus, type Bus, type DeliveryPolicy, type PullPolicy } from "@waybill/bus";
import { openTestStore } from "./store.ts";
import { uniqueName } from "./wait.ts";
import type { TestNats } from "./nats.ts";
import type { Logger } from "@waybill/observability";
import type { Doc, Store } from "@waybill/store";

/** A logger that keeps its lines in memory, so tests can wait for what a component reported. */
export function capturingLogger(): { logger: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const destination = {
    write(line: string) {
      lines.push(JSON.parse(line) as { level: number; msg: string });
    },
  };
  return { logger: pino({ level: "debug" }, destination), lines };
}

/** The broker as an outside observer sees it: to inspect streams or inject raw messages. */
export interface RawBroker {
  jetstream: JetStreamClient;
  manager: JetStreamManager;
  /** The testbed's stream name for a service (`T1A2B_SHIPMENTS`). */
  streamName(service: string): string;
  /** The testbed's subject for an event type. */
  subjectOf(type: string): string;
}

export interface BusTestbed {
  bus: Bus;
  store: Store;
  logger: Logger;
  lines: { level: number; msg: string }[];
  raw: RawBroker;
  /** A consumer's delivery policy as services use it, with 50 ms backoff for quick retries. */
  delivery: DeliveryPolicy;
  /** A consumer's pull policy as services use it. */
  pull: PullPolicy;
}

/** A bus in a fresh namespace and a fresh store, both closed when the current test ends. */
export async function busTestbed(nats: TestNats): Promise<BusTestbed> {
  const { logger, lines } = capturingLogger();
  const namespace = uniqueName();
  const bus = await connectBus({
    servers: nats.url,
    name: namespace,
    logger,
    namespace,
    connectTimeoutMs: 5_000,
  });
  // Reconnects as quickly as the bus does, for tests that restart the broker.
  const connection = await connect({
    servers: nats.url,
    name: `${namespace}-raw`,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 100,
  });
  const testStore = await openTestStore(namespace);
  onTestFinished(async () => {
    await bus.close();
    await connection.close();
    await testStore.close();
  });
  const raw: RawBroker = {
    jetstream: jetstream(connection),
    manager: await jetstreamManager(connection),
    streamName: (service) => `${namespace}_${service}`.toUpperCase(),
    subjectOf: (type) => `${namespace}.${type}`,
  };
  return {
    bus,
    store: testStore.store,
    logger,
    lines,
    raw,
    delivery: { maxDeliver: 10, backoffMs: [50], ackWaitMs: 5_000 },
    pull: { batchSize: 50, expiresMs: 2_000, watchdogMs: 30_000 },
  };
}

/** Counts documents of a collection. */
export function count(store: Store, collection: string, filter: Record<string, unknown> = {}) {
  return store.collection<Doc>(collection).countDocuments(filter);
}
