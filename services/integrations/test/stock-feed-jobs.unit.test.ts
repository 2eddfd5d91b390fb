import { openTestStore, type TestStore } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { createRuntime } from "@waybill/service";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectorsConfig } from "../src/connectors/config.ts";
import { createConnectors } from "../src/connectors/connectors.ts";
import type { Connector } from "../src/connectors/outcome.ts";
import type { StockSink } from "../src/stock-feed/feed.ts";
import { stockFeedJobs, stockFeedRuns } from "../src/stock-feed/jobs.ts";

let store: TestStore;
beforeEach(async () => {
  store = await openTestStore("integrations");
});
afterEach(async () => {
  await store.close();
});

const refuse = () => Promise.reject(new Error("not in this test"));

describe("the stock feed's jobs", () => {
  it("runs one feed per connector that is a storefront, and none for the others", () => {
    const runtime = createRuntime(
      "integrations",
      store.store,
      createLogger("test", "silent"),
      () => {},
    );
    const erp: Connector = { name: "erpnext", concurrency: 1, deliver: refuse };
    const shop: Connector & StockSink = {
      name: "shopify",
      concurrency: 1,
      deliver: refuse,
      maxBatch: 250,
      setLevels: refuse,
    };
    const hub = { execute: refuse };
    const config = { debounceMs: 500, maxStalenessMs: 5_000 };
    const runs = stockFeedRuns(
      runtime,
      createConnectors(runtime, connectorsConfig({}), hub, [erp, shop]),
      config,
    );
    expect(runs.map((run) => run.sink.name)).toEqual(["shopify"]);
    expect(stockFeedJobs(runs).map((job) => [job.name, job.intervalMs])).toEqual([
      ["stock-feed-shopify", 250],
    ]);
  });
});
