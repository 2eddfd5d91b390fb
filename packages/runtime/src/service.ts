import type { Server } from "node:http";
import type { EventData, EventOf, EventType } from "@waybill/contracts";
import type { YogaInitialContext } from "graphql-yoga";
import { connectBus, enqueueEvent, startConsumer, startOutboxRelay } from "./bus/index.ts";
import { readConfig, serviceEnv } from "./config.ts";
import { setTimeout as sleep } from "node:timers/promises";
import { startJobs, type BackgroundJob } from "./jobs.ts";
import { operationsRoutes } from "./operations/index.ts";
import { boundPort, closeServer, listen, withTraceContext, type RequestHandler } from "./http.ts";
import { createLogger, type Logger } from "./logger.ts";
import { openStore, type Session, type Store } from "./store/index.ts";
import { buildSchema, createSubgraphHandler, loadTypeDefs } from "./subgraph.ts";

/** Records an event in the outbox of the current transaction; it is published after commit. */
export type Emit = <T extends EventType>(
  type: T,
  subject: string,
  data: EventData<T>,
) => Promise<void>;

/** One transaction and the events it emits. */
export interface UnitOfWork {
  session: Session;
  emit: Emit;
  /** The service's logger; lines carry the correlation id of the request or event. */
  logger: Logger;
}

/** What a service's resolvers and event handlers work with. */
export interface ServiceRuntime {
  name: string;
  store: Store;
  logger: Logger;
  /** Runs `fn` in a transaction; emitted events reach the bus after commit. */
  transact<R>(fn: (work: UnitOfWork) => Promise<R>): Promise<R>;
  /** The unit of work of a transaction someone else opened (an event consumer's). */
  unitOfWork(session: Session): UnitOfWork;
}

/**
 * The runtime a service's use cases see: transactions whose emitted events go to the outbox.
 * `afterCommit` runs after each committed `transact` (the relay's wake-up).
 */
export function createRuntime(
  name: string,
  store: Store,
  logger: Logger,
  afterCommit: () => void,
): ServiceRuntime {
  const unitOfWork = (session: Session): UnitOfWork => ({
    session,
    logger,
    emit: async (type, subject, data) => {
      await enqueueEvent(store, session, { type, subject, data, source: name });
    },
  });
  return {
    name,
    store,
    logger,
    unitOfWork,
    async transact(fn) {
      const result = await store.withTransaction((session) => fn(unitOfWork(session)));
      afterCommit();
      return result;
    },
  };
}

/** One handler per event type, each given the event of its type. */
export type EventHandlers = {
  [T in EventType]?: (event: EventOf<T>, work: UnitOfWork) => Promise<void>;
};

/** A durable consumer of another service's events; handled in a transaction with the inbox record. */
export interface ConsumerDefinition {
  /** The producing service, whose stream is read. */
  stream: string;
  handlers: EventHandlers;
}

type AnyHandler = (event: EventOf<EventType>, work: UnitOfWork) => Promise<void>;

function dispatch(
  handlers: EventHandlers,
  event: EventOf<EventType>,
  work: UnitOfWork,
): Promise<void> {
  const handler = handlers[event.type] as AnyHandler | undefined;
  // Filtered subjects make this unreachable unless a producer mislabels an event.
  if (!handler) throw new Error(`no handler for ${event.type}`);
  return handler(event, work);
}

export interface ServiceDefinition<C extends object> {
  name: string;
  schemaFolder: URL;
  resolvers: object;
  /** Creates the collections' indexes; idempotent, run at every start. */
  prepare(store: Store): Promise<void>;
  context(runtime: ServiceRuntime, initial: YogaInitialContext): C;
  consumers?(runtime: ServiceRuntime): ConsumerDefinition[];
  /** Timed work, started after the consumers and stopped before them. */
  jobs?(runtime: ServiceRuntime): BackgroundJob[];
  /**
   * Plain HTTP routes beside GraphQL (for example webhooks), keyed by exact path. Called once at
   * start with the service's environment, so a route can read and validate its own configuration.
   */
  routes?(runtime: ServiceRuntime, env: NodeJS.ProcessEnv): Record<string, RequestHandler>;
}

export interface RunningService {
  port: number;
  runtime: ServiceRuntime;
  stop(): Promise<void>;
}

/** Starts a subgraph service: store, bus, outbox relay, consumers and the HTTP server. */
export async function runService<C extends object>(
  definition: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningService> {
  const config = readConfig(serviceEnv, env);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const store = await openStore({
    database: definition.name,
    dataDir: config.DATA_DIR,
    ...(config.MONGODB_URL ? { mongodbUrl: config.MONGODB_URL } : {}),
  });
  await definition.prepare(store);
  const bus = await connectBus({ servers: config.NATS_URL, name: definition.name, logger });
  await bus.ensureStream(definition.name);
  const relay = startOutboxRelay({ store, bus, logger, pollIntervalMs: 1_000 });

  const runtime = createRuntime(definition.name, store, logger, () => relay.notify());
  // Routes read their own configuration: refuse to start before consuming anything.
  const routes = definition.routes?.(runtime, env);

  const definitions = definition.consumers?.(runtime) ?? [];
  const consumers = await Promise.all(
    definitions.map((consumer) =>
      startConsumer({
        bus,
        store,
        logger,
        stream: consumer.stream,
        durable: definition.name,
        filterSubjects: Object.keys(consumer.handlers),
        handle: (event, { session }) =>
          dispatch(consumer.handlers, event, runtime.unitOfWork(session)),
        onCommitted: () => relay.notify(),
        maxDeliver: config.CONSUMER_MAX_DELIVER,
        backoffMs: config.CONSUMER_BACKOFF_MS,
      }),
    ),
  );
  const operations = operationsRoutes({
    service: definition.name,
    store,
    bus,
    logger,
    streams: Object.fromEntries(
      definitions.map((consumer) => [consumer.stream, Object.keys(consumer.handlers)]),
    ),
    handle(event, session) {
      const consumer = definitions.find((candidate) =>
        Object.hasOwn(candidate.handlers, event.type),
      );
      if (!consumer) throw new Error(`${definition.name} does not handle ${event.type}`);
      return dispatch(consumer.handlers, event, runtime.unitOfWork(session));
    },
    afterApply: () => relay.notify(),
  });

  const jobs = startJobs(definition.jobs?.(runtime) ?? [], logger);

  const handler = createSubgraphHandler({
    schema: buildSchema(loadTypeDefs(definition.schemaFolder), definition.resolvers),
    logger,
    context: (initial) => definition.context(runtime, initial),
    readiness: async () => {
      const problems: string[] = [];
      await store.ping().catch(() => problems.push("store"));
      if (bus.isClosed()) problems.push("nats");
      return problems;
    },
    routes: { ...routes, ...operations },
  });
  const server: Server = await listen(withTraceContext(handler), config.PORT, config.HOST);
  const port = boundPort(server);
  logger.info({ port, adapter: store.adapter }, `${definition.name} subgraph listening`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info("shutting down");
      await jobs.stop();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await closeServer(server);
      // Hand what is committed to the broker before leaving; a broker that is down keeps it for next time.
      await Promise.race([relay.flush(), sleep(5_000)]);
      await relay.stop();
      await bus.close();
      await store.close();
    })());
  return { port, runtime, stop };
}

/** Runs a service until SIGINT or SIGTERM, then shuts it down gracefully. */
export async function main<C extends object>(definition: ServiceDefinition<C>): Promise<void> {
  const service = await runService(definition);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void service.stop().then(() => process.exit(0));
    });
  }
}
