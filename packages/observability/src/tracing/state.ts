import type { Tracer } from "@opentelemetry/api";

let current: Tracer | undefined;

/** The tracer of this process once tracing is installed; `undefined` while it is off. */
export function activeTracer(): Tracer | undefined {
  return current;
}

/** Called once by `installTracing`. */
export function setTracer(tracer: Tracer): void {
  current = tracer;
}
