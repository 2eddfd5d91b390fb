import { buildEvent } from "@waybill/bus";
import { openTestStore, type TestStore } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../src/connectors/outcome.ts";
import {
  flushStock,
  levelOf,
  type StockFeedRun,
  type StockSink,
  stockFeedConsumers,
} from "../src/stock-feed/feed.ts";
import {
  prepareStockFeedStore,
  type StockLevel,
  stockLevelRepository,
} from "../src/store/stock-levels.ts";

let store: TestStore;

beforeEach(async () => {
  store = await openTestStore("integrations");
  await prepareStockFeedStore(store.store);
});

afterEach(async () => {
  await store.close();
});

/** A storefront that records each call, and can be told to refuse the next. */
function recordingSink(maxBatch = 250) {
  const calls: StockLevel[][] = [];
  const shop = new Map<string, number>();
  let refuse: ConnectorError | null = null;
  const sink: StockSink = {
    name: "shop",
    maxBatch,
    setLevels(levels) {
      if (refuse) {
        const error = refuse;
        refuse = null;
        return Promise.reject(error);
      }
      calls.push([...levels]);
      for (const level of levels) shop.set(`${level.sku}@${level.warehouse}`, level.available);
      return Promise.resolve();
    },
  };
  return { sink, calls, shop, refuseNext: (error: ConnectorError) => (refuse = error) };
}

const T0 = Date.parse("2026-12-03T10:00:00.000Z");

function feed(sink: StockSink, clock: { ms: number }): StockFeedRun {
  return {
    sink,
    repo: stockLevelRepository(store.store),
    config: { debounceMs: 500, maxStalenessMs: 5_000 },
    logger: createLogger("test", "silent"),
    pausedUntil: 0,
    failures: 0,
    now: () => new Date(clock.ms),
  };
}

const change = (level: StockLevel, at: number, run: StockFeedRun) =>
  store.store.withTransaction((session) => run.repo.keep("shop", level, new Date(at), session));

describe("the stock feed", () => {
  it("turns a burst of 1,000 reservations into one call per quiet spell, ending at available-to-promise", async () => {
    const { sink, calls, shop } = recordingSink();
    const clock = { ms: T0 };
    const run = feed(sink, clock);
    const skus = ["MUG", "TEE", "CAP"];
    const warehouses = ["AMS1", "LON1"];
    const available = new Map<string, number>();
    const revisions = new Map<string, number>();
    // 1,000 reservations over three seconds, the feed polled every 100 ms.
    for (let index = 0; index < 1_000; index += 1) {
      clock.ms = T0 + index * 3;
      const sku = skus[index % skus.length] ?? "";
      const warehouse = warehouses[index % warehouses.length] ?? "";
      const key = `${sku}@${warehouse}`;
      const next = (available.get(key) ?? 500) - 1;
      const revision = (revisions.get(key) ?? 0) + 1;
      available.set(key, next);
      revisions.set(key, revision);
      await change({ sku, warehouse, available: next, revision }, clock.ms, run);
      if (index % 33 === 0) await flushStock(run);
    }
    for (let tick = 0; tick < 20; tick += 1) {
      clock.ms += 100;
      await flushStock(run);
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(6);
    expect(Object.fromEntries(shop)).toEqual(Object.fromEntries(available));
    expect(await run.repo.pending("shop", 100)).toEqual([]);
  });

  it("never lets a level wait past its staleness while changes keep coming, nor goes back to an older one", async () => {
    const { sink, calls, shop } = recordingSink();
    const clock = { ms: T0 };
    const run = feed(sink, clock);
    const sentAt: number[] = [];
    // A change every 200 ms for twelve seconds: never quiet for 500 ms.
    for (let step = 0; step < 60; step += 1) {
      clock.ms = T0 + step * 200;
      await change(
        { sku: "MUG", warehouse: "AMS1", available: 1_000 - step, revision: step + 1 },
        clock.ms,
        run,
      );
      if ((await flushStock(run)) > 0) sentAt.push(clock.ms - T0);
    }
    expect(sentAt).toEqual([5_000, 10_200]);
    // An older revision arriving late (a redelivery) changes nothing.
    await change({ sku: "MUG", warehouse: "AMS1", available: 999, revision: 3 }, clock.ms, run);
    expect((await run.repo.level("shop", "MUG", "AMS1"))?.available).toBe(941);
    clock.ms += 600;
    await flushStock(run);
    expect(calls).toHaveLength(3);
    expect(shop.get("MUG@AMS1")).toBe(941);
  });

  it("keeps what a storefront refused and sends it again after its Retry-After, in batches it takes", async () => {
    const { sink, calls, shop, refuseNext } = recordingSink(2);
    const clock = { ms: T0 };
    const run = feed(sink, clock);
    for (const [index, sku] of ["A", "B", "C"].entries())
      await change({ sku, warehouse: "AMS1", available: 10 + index, revision: 1 }, clock.ms, run);
    clock.ms += 600;
    refuseNext(new ConnectorError("rate_limited", "429", { retryAfterSeconds: 2 }));
    expect(await flushStock(run)).toBe(1);
    expect(calls).toEqual([]);
    clock.ms += 1_000;
    expect(await flushStock(run)).toBe(0);
    clock.ms += 1_000;
    expect(await flushStock(run)).toBe(2);
    expect(calls.map((call) => call.length)).toEqual([2, 1]);
    expect(Object.fromEntries(shop)).toEqual({ "A@AMS1": 10, "B@AMS1": 11, "C@AMS1": 12 });
  });

  it("reads inventory's stock-level events for each storefront, and nothing without one", () => {
    const repo = stockLevelRepository(store.store);
    expect(stockFeedConsumers(repo, [])).toEqual([]);
    const [consumer] = stockFeedConsumers(repo, ["shop"]);
    expect(consumer?.stream).toBe("inventory");
    const event = buildEvent({
      type: "inventory.stock_level.changed",
      subject: "MUG",
      source: "/waybill/inventory",
      data: {
        sku: "MUG",
        warehouse: "AMS1",
        onHand: 10,
        reserved: 4,
        available: 6,
        revision: 7,
        changedAt: new Date(T0).toISOString(),
      },
    });
    expect(levelOf(event)).toEqual({ sku: "MUG", warehouse: "AMS1", available: 6, revision: 7 });
  });
});
