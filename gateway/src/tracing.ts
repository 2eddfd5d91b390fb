import { startTracing } from "@waybill/observability";

/**
 * The gateway's tracing, started before `@apollo/gateway` is loaded (import this module first):
 * Apollo takes its tracer when it loads, and would keep a no-op one if tracing came later.
 */
export const tracing = startTracing("gateway");
