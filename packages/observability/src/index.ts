export * from "./context.ts";
export * from "./logger.ts";
export * from "./http.ts";
export {
  graphqlMetrics,
  type GraphQLMetrics,
  type GraphQLOutcome,
  type OperationLabel,
} from "./metrics/graphql.ts";
export { METRICS_PATH, metricsRoute, observeHttp } from "./metrics/http.ts";
export {
  createMetrics,
  LATENCY_BUCKETS,
  type Counter,
  type Gauge,
  type Histogram,
  type Metrics,
  type MetricsOptions,
} from "./metrics/registry.ts";
export * from "./tracing/index.ts";
