import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from "@nats-io/jetstream";
import { setTimeout as delay } from "node:timers/promises";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import type { CloudEvent } from "@waybill/contracts";
import type { Logger } from "@waybill/observability";
import { watchConnection } from "./connection.ts";
import { naming, type Naming } from "./naming.ts";
import { PUBLISH_TIMEOUT_MS, publishEvent, type PublishResult } from "./publish.ts";
import { openReader, type ReadOptions, type StreamReader } from "./reader.ts";
import { ensureStream, type StreamReplicas } from "./stream.ts";

export interface BusOptions {
  /**
   * NATS server URL(s), for example `nats://127.0.0.1:4222`, or several of a cluster separated by
   * commas (`nats://nats:4222,nats://nats-2:4222`) so that the first connection needs only one.
   */
  servers: string | string[];
  /** Connection name shown by the server (the service name). */
  name: string;
  logger: Logger;
  /** Prefixes stream names and subjects; tests use one per test. */
  namespace?: string;
  /**
   * How long to keep trying to reach a server at start-up before giving up with
   * `BusUnreachableError`; once connected, the bus reconnects forever.
   */
  connectTimeoutMs: number;
  /**
   * Copies of every stream and of the leases bucket this bus creates (1 on a single server, 3 or
   * 5 on a cluster). Every service gets the same value: any of them may create a stream first.
   */
  streamReplicas?: StreamReplicas;
}

/** No NATS server answered at start-up within the allowed time. */
export class BusUnreachableError extends Error {
  constructor(servers: string | string[], timeoutMs: number, cause: unknown) {
    const where = Array.isArray(servers) ? servers.join(", ") : servers;
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`cannot reach NATS at ${where} within ${timeoutMs / 1000} s (${why})`, { cause });
    this.name = "BusUnreachableError";
  }
}

const RETRY_FIRST_CONNECT_MS = 250;

/** The first connection, tried until `connectTimeoutMs` has passed. */
async function firstConnection(options: BusOptions): Promise<NatsConnection> {
  const deadline = Date.now() + options.connectTimeoutMs;
  for (;;) {
    try {
      return await connect({
        servers: typeof options.servers === "string" ? options.servers.split(",") : options.servers,
        name: options.name,
        timeout: Math.max(500, Math.min(5_000, deadline - Date.now())),
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
        // Every JetStream publish is a request; by default each one captures two stack traces up
        // front for a better error if it fails (about 5 % of a busy relay's CPU). Our errors name
        // the event.
        noAsyncTraces: true,
      });
    } catch (error) {
      if (Date.now() + RETRY_FIRST_CONNECT_MS >= deadline)
        throw new BusUnreachableError(options.servers, options.connectTimeoutMs, error);
      await delay(RETRY_FIRST_CONNECT_MS);
    }
  }
}

/** A JetStream connection that publishes Waybill events, provisions streams and reads them back. */
export interface Bus {
  /** Creates or updates the stream `<SERVICE>` capturing `<service>.>`. Call at every start-up. */
  ensureStream(service: string): Promise<void>;
  /** Validates and publishes one event (msg id = event id) and waits for the broker's ack. */
  publish(event: CloudEvent): Promise<PublishResult>;
  /** Reads a service's stream from a position, each message parsed once (see `ReadOptions`). */
  read(options: ReadOptions): Promise<StreamReader>;
  /** The sequence of the last message stored on a service's stream (0 when it is empty). */
  lastSequence(stream: string): Promise<number>;
  /** True once the connection is closed for good (it is not while reconnecting). */
  isClosed(): boolean;
  /** False while the connection is down and the client reconnects. */
  isConnected(): boolean;
  /** Drains and closes the connection. */
  close(): Promise<void>;
}

/** What the bus's own modules reach through a `Bus`; never exported from the package. */
export interface BusInternals {
  readonly names: Naming;
  readonly connection: NatsConnection;
  readonly jetstream: JetStreamClient;
  readonly manager: JetStreamManager;
  readonly logger: Logger;
  readonly streamReplicas: StreamReplicas;
  /** Publishes an event validated when it was built (the outbox relay's path). */
  publishBuilt: (event: CloudEvent) => Promise<PublishResult>;
}

const internals = new WeakMap<Bus, BusInternals>();

/** The connection behind a bus made by `connectBus`. */
export function internalsOf(bus: Bus): BusInternals {
  const found = internals.get(bus);
  if (!found) throw new Error("not a bus from connectBus");
  return found;
}

/**
 * Connects to NATS (trying for `connectTimeoutMs`, then reconnecting forever once connected) and
 * opens JetStream. Rejects with `BusUnreachableError` when no server answered in time.
 */
export async function connectBus(options: BusOptions): Promise<Bus> {
  const names = naming(options.namespace);
  const streamReplicas = options.streamReplicas ?? 1;
  const logger = options.logger.child({ component: "bus" });
  const connection = await firstConnection(options);
  const watch = watchConnection(connection, logger);
  const js = jetstream(connection);
  const manager = await jetstreamManager(connection);
  logger.info({ server: connection.getServer() }, "nats connected");
  const publish = (validate: boolean) => async (event: CloudEvent) => {
    await watch.ready(PUBLISH_TIMEOUT_MS);
    return publishEvent(js, names, event, { validate });
  };
  const bus: Bus = {
    async ensureStream(service) {
      await ensureStream(manager, names, service, streamReplicas);
    },
    publish: publish(true),
    read: (readOptions) => openReader({ jetstream: js, manager, names }, readOptions),
    async lastSequence(stream) {
      return (await manager.streams.info(names.streamName(stream))).state.last_seq;
    },
    isClosed: () => connection.isClosed(),
    isConnected: () => watch.connected && !connection.isClosed(),
    async close() {
      if (connection.isClosed()) return;
      // Draining needs the server; one that is gone (a broker stopped first) is no error here.
      if (!watch.connected) return connection.close();
      await connection.drain().catch((error: unknown) => {
        logger.debug({ err: error }, "nats drain failed while closing; closed instead");
        return connection.close();
      });
    },
  };
  internals.set(bus, {
    names,
    connection,
    jetstream: js,
    manager,
    logger,
    streamReplicas,
    publishBuilt: publish(false),
  });
  return bus;
}
