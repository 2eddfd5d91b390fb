import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What travels with one unit of work: an HTTP request or the handling of one event. */
export interface TraceContext {
  correlationId: string;
  /** W3C traceparent, when the caller sent one. */
  traceparent?: string;
}

const storage = new AsyncLocalStorage<TraceContext>();

/** Header names used on HTTP and on NATS messages. */
export const CORRELATION_HEADER = "x-correlation-id";
export const TRACEPARENT_HEADER = "traceparent";

/** Runs `fn` with `context` as the current trace context. */
export function runWithContext<R>(context: TraceContext, fn: () => R): R {
  return storage.run(context, fn);
}

/** The current trace context, if any. */
export function currentContext(): TraceContext | undefined {
  return storage.getStore();
}

/** The current correlation id, or a new one when none is active. */
export function currentCorrelationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a client-supplied correlation id only when it is short and plain; otherwise mints one. */
export function correlationIdFrom(value: string | null | undefined): string {
  return value && SAFE_ID.test(value) ? value : randomUUID();
}
