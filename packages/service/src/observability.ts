import type { Bus, EventHandlers, RunningConsumer } from "@waybill/bus";
import type { RequestHandler } from "@waybill/http";
import {
  createMetrics,
  inConsumerSpan,
  type Logger,
  type Metrics,
  METRICS_PATH,
  metricsRoute,
  observeHttp,
  startTracing,
} from "@waybill/observability";
import { afterCommit, type Store } from "@waybill/store";
import { wrapHandlers } from "./consumers.ts";
import { startJobs, type RunningJobs } from "./jobs.ts";
import { consumerMetrics, type WatchedConsumer } from "./metrics/consumers.ts";
import { storeSampler } from "./metrics/store.ts";
import { serviceReadiness } from "./readiness.ts";
import type { UnitOfWork } from "./runtime.ts";

export interface ServiceObservabilityOptions {
  name: string;
  logger: Logger;
  store: Store;
  bus: Bus;
  /** How often lag, outbox backlog and exceptions are sampled. */
  sampleIntervalMs: number;
  /** Read for the OpenTelemetry settings. */
  env: NodeJS.ProcessEnv;
}

/** Metrics, traces and readiness of one subgraph service (see `runService`). */
export interface ServiceObservability {
  readonly metrics: Metrics;
  /** Wraps a consumer's handler: a span continuing the event's trace, latency after commit. */
  instrument(
    stream: string,
    durable: string,
    handlers: EventHandlers<UnitOfWork>,
  ): EventHandlers<UnitOfWork>;
  /** Follows a started (or restarted) consumer for lag metrics and readiness; returns it. */
  watch(stream: string, durable: string, running: RunningConsumer): RunningConsumer;
  /** What is not ready (store, NATS, consumers); empty when ready. */
  readiness(): Promise<string[]>;
  /** Records every request in `waybill_http_*`; `routes` are the paths worth a label. */
  http(handler: RequestHandler, routes: readonly string[]): RequestHandler;
  /** `/metrics`, to serve beside the service's own routes. */
  readonly routes: Record<string, RequestHandler>;
  /** Starts sampling; call once the consumers run. */
  start(): void;
  /** Reports not ready and stops sampling (first thing on shutdown). */
  stop(): Promise<void>;
  /** Exports buffered spans (last thing on shutdown). */
  flush(): Promise<void>;
}

/** Sets up a service's metrics (with Node defaults), tracing (when configured) and readiness. */
export function observeService(options: ServiceObservabilityOptions): ServiceObservability {
  const { name, logger, store, bus } = options;
  const tracing = startTracing(name, options.env);
  const metrics = createMetrics({ service: name, defaultMetrics: true });
  const watched: WatchedConsumer[] = [];
  const consumers = consumerMetrics(metrics, () => watched);
  const sampleStore = storeSampler(metrics, store);
  let jobs: RunningJobs | undefined;
  let stopping = false;

  const sample = async (what: string, run: () => Promise<void>) => {
    // Expected while NATS or the database is away; readiness reports that, not the logs.
    await run().catch((error: unknown) =>
      logger.debug({ err: error, sample: what }, "metrics sample failed"),
    );
  };

  return {
    metrics,
    instrument(stream, durable, handlers) {
      return wrapHandlers(handlers, (event, work, next) =>
        inConsumerSpan(event, durable, async () => {
          await next();
          const labels = { stream, consumer: durable, type: event.type };
          afterCommit(work.session, () => consumers.handled(labels, event.time));
        }),
      );
    },
    watch(stream, durable, running) {
      // A consumer restarted under the same name replaces the one it follows.
      const index = watched.findIndex((w) => w.stream === stream && w.consumer === durable);
      watched.splice(index === -1 ? watched.length : index, 1, {
        stream,
        consumer: durable,
        running,
      });
      return running;
    },
    readiness: serviceReadiness({ store, bus, consumers: () => watched, stopping: () => stopping }),
    http: (handler, routes) => observeHttp(metrics, [...routes, METRICS_PATH], handler),
    routes: { [METRICS_PATH]: metricsRoute(metrics) },
    start() {
      jobs ??= startJobs(
        [
          {
            name: "metrics-sample",
            intervalMs: options.sampleIntervalMs,
            run: async () => {
              await sample("consumers", () => consumers.sample());
              await sample("store", sampleStore);
            },
          },
        ],
        logger,
      );
    },
    async stop() {
      stopping = true;
      await jobs?.stop();
    },
    flush: () => tracing.flush(),
  };
}
