import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { YogaInitialContext } from "graphql-yoga";
import type { Principal } from "@waybill/auth";
import {
  BusUnreachableError,
  connectBus,
  leases,
  startConsumer,
  startOutboxRelay,
} from "@waybill/bus";
import { ConfigError, readConfig, secretFromEnv, startOrExit } from "@waybill/config";
import { boundPort, closeServer, listen, type RequestHandler } from "@waybill/http";
import { buildSchema, loadTypeDefs } from "@waybill/graphql";
import { createLogger, withTraceContext } from "@waybill/observability";
import { openStore, type Store, StoreUnreachableError, trackCommits } from "@waybill/store";
import { CONSUMER_PULL, OUTBOX_POLL_MS, serviceEnv } from "./config.ts";
import { mergeByStream } from "./consumers.ts";
import { exceptionRoutes } from "./exceptions/routes.ts";
import { reconciliationRoute, type ReconciliationSource } from "./reconciliation/route.ts";
import { startJobs, type BackgroundJob } from "./jobs.ts";
import { observeService } from "./observability.ts";
import { createRuntime, type ConsumerDefinition, type ServiceRuntime } from "./runtime.ts";
import { createSubgraphHandler } from "./subgraph-server.ts";

export interface ServiceDefinition<C extends object> {
  name: string;
  schemaFolder: URL;
  resolvers: object;
  /** Creates the collections' indexes; idempotent, run at every start. */
  prepare(store: Store): Promise<void>;
  /** The resolvers' context; `principal` is the caller the gateway verified, if any. */
  context(
    runtime: ServiceRuntime,
    principal: Principal | undefined,
    initial: YogaInitialContext,
  ): C;
  consumers?(runtime: ServiceRuntime): ConsumerDefinition[];
  /** Registers the service's own metrics at start (through `runtime.metrics`). */
  metrics?(runtime: ServiceRuntime): void;
  /** Timed work, started after the consumers and stopped before them. */
  jobs?(runtime: ServiceRuntime): BackgroundJob[];
  /**
   * Plain HTTP routes beside GraphQL (for example webhooks), keyed by exact path. Called once at
   * start with the service's environment, so a route can read and validate its own configuration.
   */
  routes?(runtime: ServiceRuntime, env: NodeJS.ProcessEnv): Record<string, RequestHandler>;
  /** What the service tells the hub's reconciliation: its facts per order, and lost triggers re-emitted. */
  reconciliation?(runtime: ServiceRuntime): ReconciliationSource;
}

export interface RunningService {
  port: number;
  runtime: ServiceRuntime;
  stop(): Promise<void>;
}

/** A dependency that cannot be reached at start-up is a configuration error naming its variable. */
const naming =
  (variable: string, unreachable: new (...args: never[]) => Error) =>
  (error: unknown): never => {
    if (error instanceof unreachable) throw new ConfigError(`${variable}: ${error.message}`);
    throw error;
  };

/** Starts a subgraph service: store, bus, outbox relay, consumers and the HTTP server. */
export async function runService<C extends object>(
  definition: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningService> {
  const config = readConfig(serviceEnv, env);
  const signingKey = secretFromEnv(env, "INTERNAL_SIGNING_KEY");
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const connectTimeoutMs = config.CONNECT_TIMEOUT_SECONDS * 1_000;
  const store = trackCommits(
    await openStore({
      database: definition.name,
      dataDir: config.DATA_DIR,
      ...(config.MONGODB_URL ? { mongodb: { url: config.MONGODB_URL, connectTimeoutMs } } : {}),
    }).catch(naming("MONGODB_URL", StoreUnreachableError)),
  );
  await definition.prepare(store);
  const bus = await connectBus({
    servers: config.NATS_URL,
    name: definition.name,
    logger,
    connectTimeoutMs,
    streamReplicas: config.NATS_STREAM_REPLICAS,
  }).catch(naming("NATS_URL", BusUnreachableError));
  await bus.ensureStream(definition.name);
  const sampleIntervalMs = config.METRICS_SAMPLE_MS;
  const observed = observeService({
    name: definition.name,
    logger,
    store,
    bus,
    env,
    sampleIntervalMs,
  });
  const relay = startOutboxRelay({ store, bus, logger, pollIntervalMs: OUTBOX_POLL_MS });

  const runtime = createRuntime(
    definition.name,
    store,
    logger,
    () => relay.notify(),
    observed.metrics,
  );
  definition.metrics?.(runtime);
  // Routes read their own configuration: refuse to start before consuming anything.
  const routes = definition.routes?.(runtime, env);

  const definitions = mergeByStream(definition.consumers?.(runtime) ?? []);
  const delivery = {
    maxDeliver: config.CONSUMER_MAX_DELIVER,
    backoffMs: config.CONSUMER_BACKOFF_MS,
    ackWaitMs: config.CONSUMER_ACK_WAIT_MS,
  };
  const consumers = await Promise.all(
    definitions.map((consumer) =>
      startConsumer({
        bus,
        store,
        logger,
        stream: consumer.stream,
        durable: definition.name,
        handlers: observed.instrument(consumer.stream, definition.name, consumer.handlers),
        work: runtime.unitOfWork,
        delivery,
        pull: CONSUMER_PULL,
        onCommitted: () => relay.notify(),
      }).then((running) => observed.watch(consumer.stream, definition.name, running)),
    ),
  );
  const exceptions = exceptionRoutes({
    service: definition.name,
    store,
    bus,
    logger,
    consumers: definitions,
    work: runtime.unitOfWork,
    afterApply: () => relay.notify(),
  });

  const reconciliation = definition.reconciliation
    ? reconciliationRoute(definition.name, store, definition.reconciliation(runtime))
    : {};

  // Each job runs in one instance of the service at a time, however many are started. An
  // instance is its host and port, so one restarted after a crash takes its leases back at once.
  const instance = config.PORT === 0 ? randomUUID() : `${hostname()}:${config.PORT}`;
  const jobs = startJobs(
    definition.jobs?.(runtime) ?? [],
    logger,
    await leases(bus, definition.name, instance),
  );
  observed.start();

  const handler = createSubgraphHandler({
    schema: buildSchema(loadTypeDefs(definition.schemaFolder), definition.resolvers),
    logger,
    context: (initial, principal) => definition.context(runtime, principal, initial),
    signingKey,
    readiness: () => observed.readiness(),
    routes: { ...routes, ...exceptions, ...reconciliation },
    publicRoutes: observed.routes,
    metrics: observed.metrics,
  });
  const paths = [
    "/graphql",
    "/healthz",
    "/readyz",
    ...Object.keys({ ...routes, ...exceptions, ...reconciliation }),
  ];
  const server: Server = await listen(
    withTraceContext(observed.http(handler, paths)),
    config.PORT,
    config.HOST,
  );
  const port = boundPort(server);
  logger.info({ port, adapter: store.adapter }, `${definition.name} subgraph listening`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info("shutting down");
      await observed.stop();
      await jobs.stop();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await closeServer(server);
      // Hand what is committed to the broker before leaving; a broker that is down keeps it for next time.
      await Promise.race([relay.flush(), sleep(5_000)]);
      await relay.stop();
      await bus.close();
      await store.close();
      await observed.flush();
    })());
  return { port, runtime, stop };
}

/** Runs a service until SIGINT or SIGTERM, then shuts it down gracefully. */
export async function main<C extends object>(definition: ServiceDefinition<C>): Promise<void> {
  const service = await startOrExit(definition.name, () => runService(definition));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void service.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`${definition.name}: stopped with an error: ${String(error)}\n`);
          process.exit(1);
        },
      );
    });
  }
}
