export * from "./config.ts";
export * from "./runtime.ts";
export * from "./service.ts";
export * from "./subgraph-server.ts";
export * from "./jobs.ts";
export * from "./readiness.ts";
export * from "./observability.ts";
export {
  consumerMetrics,
  type ConsumerMetrics,
  type WatchedConsumer,
} from "./metrics/consumers.ts";
export { storeSampler } from "./metrics/store.ts";
export { yogaMetricsPlugin } from "./metrics/yoga.ts";
export * from "./exceptions/routes.ts";
export * from "./consumers.ts";
