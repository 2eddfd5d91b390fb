export { tracingConfig, type TracingConfig } from "./config.ts";
export { installTracing, startTracing, type Tracing } from "./setup.ts";
export {
  activeTraceparent,
  contextFrom,
  CORRELATION_ATTRIBUTE,
  inServerSpan,
  inSpan,
  traceparentOf,
} from "./spans.ts";
export { inConsumerSpan, inProducerSpan, type TracedEvent } from "./bus.ts";
