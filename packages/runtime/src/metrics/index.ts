export { consumerMetrics, type ConsumerMetrics, type WatchedConsumer } from "./consumers.ts";
export { graphqlMetrics, type GraphQLMetrics, type GraphQLOutcome } from "./graphql.ts";
export { METRICS_PATH, metricsRoute, observeHttp } from "./http.ts";
export {
  createMetrics,
  LATENCY_BUCKETS,
  type Counter,
  type Gauge,
  type Histogram,
  type Metrics,
  type MetricsOptions,
} from "./registry.ts";
export { storeSampler } from "./store.ts";
export { yogaMetricsPlugin } from "./yoga.ts";
