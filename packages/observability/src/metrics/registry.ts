import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type Metric,
} from "prom-client";

export type { Counter, Gauge, Histogram };

/** What every Waybill metric declares; the registry adds the `service` label itself. */
export interface MetricSpec<L extends string> {
  /** `waybill_<area>_<what>[_unit][_total]`, snake case. */
  name: string;
  help: string;
  /** Low-cardinality labels only: never ids, never free text. */
  labelNames?: readonly L[];
}

/** A gauge; `collect` sets its value at scrape time. */
export type GaugeSpec<L extends string> = MetricSpec<L> & Pick<GaugeConfiguration<L>, "collect">;
/** A counter; `collect` may bring it up to date at scrape time. */
export type CounterSpec<L extends string> = MetricSpec<L> &
  Pick<CounterConfiguration<L>, "collect">;
/** A histogram with its bucket bounds (seconds for latencies). */
export type HistogramSpec<L extends string> = MetricSpec<L> & { buckets: number[] };

/** One process's Prometheus registry; services add their own metrics through it. */
export interface Metrics {
  readonly registry: Registry;
  /** Registers a counter, or returns the one already registered under that name. */
  counter<L extends string>(spec: CounterSpec<L>): Counter<L>;
  gauge<L extends string>(spec: GaugeSpec<L>): Gauge<L>;
  histogram<L extends string>(spec: HistogramSpec<L>): Histogram<L>;
  /** The text exposition format, for `GET /metrics`. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

const NAME = /^waybill_[a-z][a-z0-9_]*$/;

export interface MetricsOptions {
  /** The process (`billing`, `gateway`): the `service` label of every sample. */
  service: string;
  /** Process and Node.js metrics (CPU, memory, event loop lag, GC); once per process. */
  defaultMetrics?: boolean;
}

/** Creates a registry whose metrics all carry `service`; default Node metrics when asked. */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  // Standard names (process_*, nodejs_*) so that stock dashboards and alerts work unchanged.
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });

  function existing<M>(name: string, kind: new (...args: never[]) => M): M | undefined {
    if (!NAME.test(name)) throw new Error(`metric name "${name}" must match ${String(NAME)}`);
    const found: Metric | undefined = registry.getSingleMetric(name);
    if (found === undefined) return undefined;
    if (!(found instanceof kind)) throw new Error(`metric ${name} is registered as another type`);
    return found;
  }
  const common = <L extends string>(spec: MetricSpec<L>) => ({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames ?? [],
    registers: [registry],
  });

  return {
    registry,
    counter: <L extends string>(spec: CounterSpec<L>) =>
      (existing(spec.name, Counter) as Counter<L> | undefined) ??
      new Counter<L>({ ...common(spec), ...(spec.collect ? { collect: spec.collect } : {}) }),
    gauge: <L extends string>(spec: GaugeSpec<L>) =>
      (existing(spec.name, Gauge) as Gauge<L> | undefined) ??
      new Gauge<L>({ ...common(spec), ...(spec.collect ? { collect: spec.collect } : {}) }),
    histogram: <L extends string>(spec: HistogramSpec<L>) =>
      (existing(spec.name, Histogram) as Histogram<L> | undefined) ??
      new Histogram<L>({ ...common(spec), buckets: spec.buckets }),
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** Latency buckets for requests and event handling, in seconds (5 ms to 5 min). */
export const LATENCY_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300,
];
