export type { Logger } from "./logger.ts";
export {
  CORRELATION_HEADER,
  currentContext,
  currentCorrelationId,
  runWithContext,
  TRACEPARENT_HEADER,
} from "./context.ts";
export { withTraceContext } from "./http.ts";
export { createLogger } from "./logger.ts";
export { graphqlMetrics, type GraphQLOutcome, type OperationLabel } from "./metrics/graphql.ts";
export { METRICS_PATH, metricsRoute, observeHttp } from "./metrics/http.ts";
export { createMetrics, LATENCY_BUCKETS, type Metrics } from "./metrics/registry.ts";
export { inConsumerSpan, inProducerSpan } from "./tracing/bus.ts";
export { startTracing } from "./tracing/setup.ts";
export { activeTraceparent } from "./tracing/spans.ts";
