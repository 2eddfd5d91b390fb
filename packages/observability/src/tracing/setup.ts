import { context, propagation, trace, type Context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type ReadableSpan,
  type Sampler,
  type Span,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace";
import { tracingConfig, type TracingConfig } from "./config.ts";
import { setTracer } from "./state.ts";

/** Hands every span to each processor added so far; lets tests add an in-memory exporter. */
class FanOut implements SpanProcessor {
  readonly processors: SpanProcessor[] = [];
  onStart(span: Span, parent: Context): void {
    for (const processor of this.processors) processor.onStart(span, parent);
  }
  onEnding(span: Span): void {
    for (const processor of this.processors) processor.onEnding?.(span);
  }
  onEnd(span: ReadableSpan): void {
    for (const processor of this.processors) processor.onEnd(span);
  }
  async forceFlush(): Promise<void> {
    await Promise.all(this.processors.map((processor) => processor.forceFlush()));
  }
  async shutdown(): Promise<void> {
    await Promise.all(this.processors.map((processor) => processor.shutdown()));
  }
}

let installed: { fanOut: FanOut; provider: TracerProvider } | undefined;

/** The running tracer provider of this process; `flush` exports what is buffered. */
export interface Tracing {
  flush(): Promise<void>;
}

const OFF: Tracing = { flush: () => Promise.resolve() };

function sampler({ sampler: name, ratio }: Pick<TracingConfig, "sampler" | "ratio">): Sampler {
  const root = name.endsWith("always_off")
    ? new AlwaysOffSampler()
    : name.endsWith("traceidratio")
      ? new TraceIdRatioBasedSampler(ratio)
      : new AlwaysOnSampler();
  return name.startsWith("parentbased_") ? new ParentBasedSampler({ root }) : root;
}

/**
 * Installs the global tracer provider once per process (W3C trace context, AsyncLocalStorage
 * context) and adds `processors` to it. `service` names the resource unless `OTEL_SERVICE_NAME`
 * does. Later calls only add processors.
 */
export function installTracing(
  service: string,
  processors: SpanProcessor[],
  config?: Pick<TracingConfig, "sampler" | "ratio">,
): Tracing {
  if (!installed) {
    const fanOut = new FanOut();
    const resource = resourceFromAttributes({
      "service.name": service,
      "service.namespace": "waybill",
    }).merge(detectResources({ detectors: [envDetector] }));
    const provider = new TracerProvider({
      resource,
      spanProcessors: [fanOut],
      sampler: sampler({ sampler: "parentbased_always_on", ratio: 1, ...config }),
    });
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    setTracer(provider.getTracer("@waybill/observability"));
    installed = { fanOut, provider };
  }
  installed.fanOut.processors.push(...processors);
  const { provider } = installed;
  return { flush: () => provider.forceFlush() };
}

/**
 * Starts tracing as the environment says (see `tracingConfig`): off by default, then nothing is
 * installed and every span helper is a pass-through.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Tracing {
  const config = tracingConfig(env);
  if (!config) return OFF;
  const processors = config.exporters.map(
    (name) =>
      new BatchSpanProcessor({
        exporter: name === "otlp" ? new OTLPTraceExporter() : new ConsoleSpanExporter(),
        scheduledDelayMillis: config.scheduleDelayMs,
      }),
  );
  return installTracing(service, processors, config);
}
