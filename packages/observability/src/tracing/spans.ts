import type { IncomingMessage, ServerResponse } from "node:http";
import {
  context,
  defaultTextMapGetter,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type SpanContext,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { currentContext, runWithContext } from "../context.ts";
import { activeTracer } from "./state.ts";

const w3c = new W3CTraceContextPropagator();

/** Span attribute holding the Waybill correlation id, to find a trace from a log line. */
export const CORRELATION_ATTRIBUTE = "waybill.correlation_id";

/** The W3C `traceparent` of a span context. */
export function traceparentOf({ traceId, spanId, traceFlags }: SpanContext): string {
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, "0")}`;
}

/** The context a W3C `traceparent` continues (the root context when it is absent or invalid). */
export function contextFrom(traceparent: string | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return w3c.extract(ROOT_CONTEXT, { traceparent }, defaultTextMapGetter);
}

/** The `traceparent` of the active span (for example the gateway's fetch span), when tracing. */
export function activeTraceparent(): string | undefined {
  const span = activeTracer() && trace.getActiveSpan();
  return span ? traceparentOf(span.spanContext()) : undefined;
}

/**
 * Runs `fn` in a new active span continuing `traceparent`, with the span's own traceparent put in
 * the Waybill trace context (so the outbox and downstream calls carry it on). Pass-through when
 * tracing is off.
 */
export async function inSpan<R>(
  name: string,
  options: {
    kind: SpanKind;
    traceparent: string | undefined;
    attributes: Attributes;
    /** Defaults to the current one. */
    correlationId?: string;
  },
  fn: () => Promise<R>,
): Promise<R> {
  const tracer = activeTracer();
  if (!tracer) return fn();
  const parent = contextFrom(options.traceparent);
  const correlationId = options.correlationId ?? currentContext()?.correlationId;
  const span = tracer.startSpan(
    name,
    {
      kind: options.kind,
      attributes: { ...options.attributes, [CORRELATION_ATTRIBUTE]: correlationId },
    },
    parent,
  );
  const scope = {
    correlationId: correlationId ?? "",
    traceparent: traceparentOf(span.spanContext()),
  };
  try {
    return await context.with(trace.setSpan(parent, span), () => runWithContext(scope, fn));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Opens the server span of an HTTP request (continuing the caller's `traceparent`) and calls `fn`
 * with the traceparent to carry on: the span's when tracing, else the caller's as received.
 * The span ends when the response closes.
 */
export function inServerSpan<R>(
  req: IncomingMessage,
  res: ServerResponse,
  incoming: { traceparent: string | undefined; correlationId: string },
  fn: (traceparent: string | undefined) => R,
): R {
  const tracer = activeTracer();
  if (!tracer) return fn(incoming.traceparent);
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const method = req.method ?? "GET";
  const parent = contextFrom(incoming.traceparent);
  const attributes = {
    "http.request.method": method,
    "url.path": path,
    [CORRELATION_ATTRIBUTE]: incoming.correlationId,
  };
  const span = tracer.startSpan(`${method} ${path}`, { kind: SpanKind.SERVER, attributes }, parent);
  res.once("close", () => {
    span.setAttribute("http.response.status_code", res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(parent, span), () => fn(traceparentOf(span.spanContext())));
}
