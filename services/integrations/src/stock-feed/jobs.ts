import { readConfig } from "@waybill/config";
import type { BackgroundJob, ServiceRuntime } from "@waybill/service";
import { z } from "zod";
import type { Connectors } from "../connectors/connectors.ts";
import type { Connector } from "../connectors/outcome.ts";
import { stockLevelRepository } from "../store/stock-levels.ts";
import { flushStock, type StockFeedConfig, type StockFeedRun, type StockSink } from "./feed.ts";

const positive = (variable: string, fallback: number) =>
  z.coerce
    .number({ message: `${variable} must be a number` })
    .positive(`${variable} must be above 0`)
    .default(fallback);

/** How long stock levels wait before they go to the storefronts. */
export function stockFeedConfig(env: NodeJS.ProcessEnv): StockFeedConfig {
  const config = readConfig(
    {
      STOCK_FEED_DEBOUNCE_MS: positive("STOCK_FEED_DEBOUNCE_MS", 500),
      STOCK_FEED_MAX_STALENESS_MS: positive("STOCK_FEED_MAX_STALENESS_MS", 5_000),
    },
    env,
  );
  return {
    debounceMs: config.STOCK_FEED_DEBOUNCE_MS,
    maxStalenessMs: config.STOCK_FEED_MAX_STALENESS_MS,
  };
}

const isStockSink = (connector: Connector): connector is Connector & StockSink =>
  "setLevels" in connector && "maxBatch" in connector;

/** The storefronts among the connectors switched on, each with its feed's run state. */
export function stockFeedRuns(
  runtime: ServiceRuntime,
  connectors: Connectors,
  config: StockFeedConfig,
): StockFeedRun[] {
  const repo = stockLevelRepository(runtime.store);
  return connectors.runs
    .map((run) => run.connector)
    .filter(isStockSink)
    .map((sink) => ({ sink, repo, config, logger: runtime.logger, pausedUntil: 0, failures: 0 }));
}

/** One job per storefront, looking for due levels a few times within the debounce. */
export function stockFeedJobs(runs: readonly StockFeedRun[]): BackgroundJob[] {
  return runs.map((run) => ({
    name: `stock-feed-${run.sink.name}`,
    intervalMs: Math.max(50, Math.min(250, run.config.debounceMs / 2)),
    run: async () => {
      await flushStock(run);
    },
  }));
}

const byRuntime = new WeakMap<ServiceRuntime, StockFeedRun[]>();

/** The service's storefront feeds, built once per runtime from its connectors and environment. */
export function stockFeedOf(runtime: ServiceRuntime, connectors: Connectors): StockFeedRun[] {
  let runs = byRuntime.get(runtime);
  if (!runs) {
    runs = stockFeedRuns(runtime, connectors, stockFeedConfig(process.env));
    byRuntime.set(runtime, runs);
  }
  return runs;
}
