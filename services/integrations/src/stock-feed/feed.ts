import type { ConsumedEvent } from "@waybill/bus";
import type { Logger } from "@waybill/observability";
import type { ConsumerDefinition, UnitOfWork } from "@waybill/service";
import { ConnectorError } from "../connectors/outcome.ts";
import type { StockLevel, StockLevelRepository } from "../store/stock-levels.ts";
import type { StockLevelRecord } from "../store/records.ts";

/**
 * A storefront that takes available-to-promise: `setLevels` sets absolute quantities (never
 * adjusts), so sending a level twice is harmless and the newest value always wins. It throws a
 * ConnectorError when the storefront did not take them.
 */
export interface StockSink {
  name: string;
  /** Levels one call may carry. */
  maxBatch: number;
  setLevels(levels: readonly StockLevel[]): Promise<void>;
}

/** How long a level may wait: until changes stop for `debounceMs`, never over `maxStalenessMs`. */
export type StockFeedConfig = { debounceMs: number; maxStalenessMs: number };

/** One storefront's feed at work. */
export interface StockFeedRun {
  sink: StockSink;
  repo: StockLevelRepository;
  config: StockFeedConfig;
  logger: Logger;
  /** Nothing is sent before this instant (ms): a 429's wait, or a pause after failures. */
  pausedUntil: number;
  failures: number;
  now?: () => Date;
}

const PENDING_READ = 10_000;

/** Whether a waiting level is due: quiet since its last change, or waiting too long. */
export function isDue(record: StockLevelRecord, now: number, config: StockFeedConfig): boolean {
  if (!record.pendingSince) return false;
  return (
    now - record.changedAt.getTime() >= config.debounceMs ||
    now - record.pendingSince.getTime() >= config.maxStalenessMs
  );
}

/**
 * One pass: as soon as one waiting level is due, every waiting level goes, in as few calls as the
 * storefront's batch allows (the others would be due soon and are newer than what the
 * storefront has). Returns the calls made.
 */
export async function flushStock(run: StockFeedRun): Promise<number> {
  const now = (run.now ?? (() => new Date()))().getTime();
  if (now < run.pausedUntil) return 0;
  const pending = await run.repo.pending(run.sink.name, PENDING_READ);
  if (!pending.some((record) => isDue(record, now, run.config))) return 0;
  let calls = 0;
  for (let start = 0; start < pending.length; start += run.sink.maxBatch) {
    const batch = pending.slice(start, start + run.sink.maxBatch);
    try {
      calls += 1;
      await run.sink.setLevels(
        batch.map(({ sku, warehouse, available, revision }) => ({
          sku,
          warehouse,
          available,
          revision,
        })),
      );
    } catch (error) {
      run.failures += 1;
      const wait =
        error instanceof ConnectorError && error.kind === "rate_limited"
          ? (error.retryAfterSeconds ?? 1) * 1000
          : Math.min(30_000, 250 * 2 ** Math.min(run.failures, 7));
      run.pausedUntil = now + wait;
      run.logger.warn(
        { sink: run.sink.name, err: error instanceof Error ? error.message : String(error) },
        "stock levels not taken; sent again later",
      );
      return calls;
    }
    run.failures = 0;
    for (const record of batch) await run.repo.sent(record);
  }
  return calls;
}

/** The level an event tells. */
export function levelOf(event: ConsumedEvent): StockLevel | null {
  if (event.type !== "inventory.stock_level.changed") return null;
  const { sku, warehouse, available, revision } = event.data;
  return { sku, warehouse, available, revision };
}

/** Inventory's stock levels, kept for each storefront that takes them (none: no consumer). */
export function stockFeedConsumers(
  repo: StockLevelRepository,
  sinks: readonly string[],
): ConsumerDefinition[] {
  if (sinks.length === 0) return [];
  const handle = async (event: ConsumedEvent, work: UnitOfWork) => {
    const level = levelOf(event);
    if (!level) return;
    const at = new Date();
    for (const sink of sinks) await repo.keep(sink, level, at, work.session);
  };
  return [{ stream: "inventory", handlers: { "inventory.stock_level.changed": handle } }];
}
