import type { Bus } from "@waybill/bus";
import type { Store } from "@waybill/store";
import type { WatchedConsumer } from "./metrics/consumers.ts";

/** A consumer whose last pull is older than this is reported not ready (pulls expire every 10 s). */
export const CONSUMER_STALE_MS = 60_000;
const PING_TIMEOUT_MS = 2_000;

export interface ReadinessSources {
  store: Store;
  bus: Pick<Bus, "isClosed" | "isConnected">;
  /** Read at every check, so consumers restarted in place are followed. */
  consumers: () => readonly WatchedConsumer[];
  staleAfterMs?: number;
  /** True once the service is shutting down. */
  stopping: () => boolean;
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The readiness of a service: its store answers a ping, NATS is connected (not merely
 * reconnecting), and every consumer has pulled recently. Returns what is not ready, e.g.
 * `["nats", "consumer:shipments"]`; empty when ready.
 */
export function serviceReadiness(sources: ReadinessSources): () => Promise<string[]> {
  const staleAfterMs = sources.staleAfterMs ?? CONSUMER_STALE_MS;
  return async () => {
    const problems: string[] = [];
    if (sources.stopping()) problems.push("stopping");
    await withTimeout(sources.store.ping(), PING_TIMEOUT_MS).catch(() => problems.push("store"));
    if (sources.bus.isClosed() || !sources.bus.isConnected()) problems.push("nats");
    for (const { stream, running } of sources.consumers()) {
      const lastPullAt = running.progress().lastPullAt;
      if (!lastPullAt || Date.now() - lastPullAt.getTime() > staleAfterMs)
        problems.push(`consumer:${stream}`);
    }
    return problems;
  };
}
