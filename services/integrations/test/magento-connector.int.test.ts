import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTestStore, waitFor, type TestStore } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { afterEach, describe, expect, it } from "vitest";
import { magentoConfig } from "../src/connectors/magento/config.ts";
import { createMagento } from "../src/connectors/magento/index.ts";
import { pullOrders, type MagentoPull } from "../src/connectors/magento/pull.ts";
import type { Hub } from "../src/hub/client.ts";
import { flushStock, type StockFeedRun, type StockSink } from "../src/stock-feed/feed.ts";
import type { ConnectorDeliveryRecord } from "../src/store/records.ts";
import { prepareStockFeedStore, stockLevelRepository } from "../src/store/stock-levels.ts";
import {
  adjustLiftgate,
  confirmShipment,
  type ConnectorBed,
  creditMugs,
  issueInvoice,
  order,
  startConnectorBed,
} from "./fixtures/connectors.ts";
import { startTestMagento, type TestMagento } from "./support/magento-server.ts";

// The store is test/support/magento-server.ts, which follows Adobe Commerce's REST pages for
// searches, order ship and refund, MSI source items and errors (named in its header).

const MAPPING = {
  channel: "magento",
  carriers: { UPS: { carrierCode: "ups", title: "United Parcel Service" } },
  sources: { "WH-1": "ams_source" },
};

let bed: ConnectorBed | undefined;
let store: TestStore | undefined;
let magento: TestMagento;
let dir: string;

afterEach(async () => {
  await bed?.close();
  await store?.close();
  bed = undefined;
  store = undefined;
  await magento.close();
  await rm(dir, { recursive: true, force: true });
});

const refusingHub: Hub = { execute: () => Promise.reject(new Error("no hub in this test")) };

async function env(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  magento = await startTestMagento({ slowMs: 1_000 });
  dir = await mkdtemp(join(tmpdir(), "waybill-magento-"));
  const mappingPath = join(dir, "magento-mapping.json");
  await writeFile(mappingPath, JSON.stringify(MAPPING));
  return {
    MAGENTO_URL: magento.url,
    MAGENTO_ACCESS_TOKEN: magento.token,
    MAGENTO_MAPPING_FILE: mappingPath,
    MAGENTO_ORDERS_SINCE: "2026-12-01 00:00:00",
    MAGENTO_TIMEOUT_SECONDS: "0.5",
    ...extra,
  };
}

async function start(extra: NodeJS.ProcessEnv = {}) {
  const fullEnv = await env(extra);
  bed = await startConnectorBed(fullEnv, {
    connector: {
      name: "magento",
      // The pull is tested below on its own: here only what goes out reaches the store.
      create: (bedEnv, runtime) => ({
        ...createMagento(
          magentoConfig(bedEnv),
          runtime.store,
          refusingHub,
          createLogger("test", "silent"),
        ).connector,
        poll: () => Promise.resolve(),
      }),
    },
  });
  return bed;
}

const settled = (documentId: string, state: ConnectorDeliveryRecord["state"] = "delivered") =>
  waitFor(
    async () => {
      const record = await bed?.connectors.repo.deliveryOf("magento", documentId);
      return record?.state === state && record;
    },
    { description: `${documentId} ${state}` },
  );

const posts = (path: RegExp) =>
  magento.requests.filter((request) => request.method === "POST" && path.test(request.path));

const mugsAndPens = (incrementId: string) =>
  magento.addOrder({
    increment_id: incrementId,
    updated_at: "2026-11-30 10:00:00",
    items: [
      { sku: "SKU-MUG", qty: 3, price: 12.5 },
      { sku: "SKU-PEN", qty: 5, price: 1.99 },
    ],
  });

describe("Magento connector against a test store", () => {
  for (const fault of ["5xx", "timeout"] as const)
    it(`makes a partial shipment one Magento shipment with its track, once across a ${fault} after the effect`, async () => {
      const loop = await start();
      const placed = mugsAndPens("000000101");
      magento.failAfterEffect(fault);
      const event = confirmShipment(
        loop.billing,
        "shp_1",
        order("ord_1", "magento", "000000101"),
        [2, 0],
      );
      expect(await loop.consume(event)).toBe("handled");
      const delivery = await settled("shp_1");
      expect(posts(/\/ship$/)).toHaveLength(1);
      expect(magento.shipments).toHaveLength(1);
      const [shipment] = magento.shipments;
      expect(delivery.externalId).toBe(String(shipment?.entity_id));
      expect(delivery.attempts).toBe(2);
      expect(shipment).toMatchObject({
        order_id: placed.entity_id,
        items: [{ order_item_id: placed.items[0]?.item_id, qty: 2 }],
        tracks: [{ track_number: "1ZSHP_1", title: "United Parcel Service", carrier_code: "ups" }],
        source_code: "ams_source",
      });
    });

  it("makes a credit note one offline credit memo returning its restocked items to stock, skipping invoices and adjustment notes", async () => {
    const loop = await start();
    const placed = mugsAndPens("000000102");
    const ord = order("ord_2", "magento", "000000102");
    const invoice = { id: "inv_2", number: "INV-2026-000002" };
    await loop.consume(issueInvoice(loop.billing, invoice.id, invoice.number, ord, [3, 5]));
    await loop.consume(adjustLiftgate(loop.billing, "an_2", "AN-2026-000002", invoice, ord));
    magento.failAfterEffect("5xx");
    await loop.consume(creditMugs(loop.billing, "cn_2", "CN-2026-000002", invoice, ord, 2));
    const delivery = await settled("cn_2");
    expect((await settled("inv_2", "skipped")).lastError).toContain("not sent to Magento");
    expect((await settled("an_2", "skipped")).lastError).toContain("not sent to Magento");
    expect(posts(/\/refund$/)).toHaveLength(1);
    expect(magento.creditMemos).toHaveLength(1);
    const [memo] = magento.creditMemos;
    expect(delivery.externalId).toBe(String(memo?.entity_id));
    expect(memo).toMatchObject({
      order_id: placed.entity_id,
      items: [{ order_item_id: placed.items[0]?.item_id, qty: 2 }],
      comments: [{ comment: "Waybill credit note CN-2026-000002" }],
      return_to_stock_items: [placed.items[0]?.item_id],
      shipping_amount: "0.00",
    });
    expect(magento.returnedToStock.get("SKU-MUG")).toBe(2);
  });

  it("returns nothing to stock for units scrapped", async () => {
    const loop = await start();
    mugsAndPens("000000103");
    const ord = order("ord_3", "magento", "000000103");
    const invoice = { id: "inv_3", number: "INV-2026-000003" };
    await loop.consume(issueInvoice(loop.billing, invoice.id, invoice.number, ord, [3, 5]));
    await loop.consume(
      creditMugs(loop.billing, "cn_3", "CN-2026-000003", invoice, ord, 1, "SCRAP"),
    );
    await settled("cn_3");
    expect(magento.creditMemos.map((memo) => memo.return_to_stock_items)).toEqual([[]]);
    expect(magento.returnedToStock.size).toBe(0);
  });

  it("makes a credit note with part of a line restocked two credit memos, each once across a 5xx", async () => {
    const loop = await start();
    const placed = mugsAndPens("000000107");
    const ord = order("ord_7", "magento", "000000107");
    const invoice = { id: "inv_7", number: "INV-2026-000007" };
    await loop.consume(issueInvoice(loop.billing, invoice.id, invoice.number, ord, [3, 5]));
    const event = creditMugs(loop.billing, "cn_7", "CN-2026-000007", invoice, ord, 3);
    // Three mugs credited, one of them received back fit to sell.
    const note = loop.billing.creditNotes.get("cn_7") as { return: { lines: unknown[] } };
    note.return.lines = [{ lineId: "ord_7-l1", received: 1, disposition: "RESTOCK" }];
    magento.failAfterEffect("5xx");
    await loop.consume(event);
    const delivery = await settled("cn_7");
    const mug = placed.items[0]?.item_id;
    expect(
      magento.creditMemos.map(({ items, comments, return_to_stock_items }) => ({
        items,
        comments,
        return_to_stock_items,
      })),
    ).toEqual([
      {
        items: [{ order_item_id: mug, qty: 1 }],
        comments: [{ comment: "Waybill credit note CN-2026-000007 (restocked)" }],
        return_to_stock_items: [mug],
      },
      {
        items: [{ order_item_id: mug, qty: 2 }],
        comments: [{ comment: "Waybill credit note CN-2026-000007 (not restocked)" }],
        return_to_stock_items: [],
      },
    ]);
    expect(posts(/\/refund$/)).toHaveLength(2);
    expect(magento.returnedToStock.get("SKU-MUG")).toBe(1);
    expect(delivery.externalId).toBe(magento.creditMemos.map((memo) => memo.entity_id).join(","));
  });

  it("skips a shipment of an order from another channel without asking the store", async () => {
    const loop = await start();
    await loop.consume(confirmShipment(loop.billing, "shp_4", order("ord_4", "web"), [1, 0]));
    const record = await settled("shp_4", "skipped");
    expect(record.lastError).toContain("came from web, not Magento");
    expect(magento.requests).toEqual([]);
  });

  it("waits out a 429 for its Retry-After, then ships once", async () => {
    const loop = await start();
    mugsAndPens("000000105");
    magento.throttle(1, 1);
    await loop.consume(
      confirmShipment(loop.billing, "shp_5", order("ord_5", "magento", "000000105"), [1, 1]),
    );
    await settled("shp_5");
    const throttled = magento.requests.findIndex((request) => request.status === 429);
    const next = magento.requests[throttled + 1];
    expect(throttled).toBeGreaterThanOrEqual(0);
    expect((next?.at ?? 0) - (magento.requests[throttled]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(magento.shipments).toHaveLength(1);
  });

  it("fails clearly on a refused access token, shipping nothing", async () => {
    const loop = await start({ MAGENTO_ACCESS_TOKEN: "not-the-integration-token" });
    mugsAndPens("000000106");
    await loop.consume(
      confirmShipment(loop.billing, "shp_6", order("ord_6", "magento", "000000106"), [1, 0]),
    );
    const record = await waitFor(
      async () => {
        const found = await loop.connectors.repo.deliveryOf("magento", "shp_6");
        return found && found.attempts >= 2 && found;
      },
      { description: "shp_6 tried twice" },
    );
    expect(record.state).toBe("failed");
    expect(record.lastError).toContain("Magento 401");
    expect(record.lastError).toContain("isn't authorized to access Magento_Sales::sales");
    expect(record.lastError).toContain("MAGENTO_ACCESS_TOKEN");
    expect(magento.shipments).toEqual([]);
  });

  it("sets a burst of stock changes in few source-items calls, the store ending at the last available", async () => {
    const loop = await start();
    await prepareStockFeedStore(loop.store.store);
    const repo = stockLevelRepository(loop.store.store);
    const run: StockFeedRun = {
      sink: loop.connectors.runs[0]?.connector as unknown as StockSink,
      repo,
      config: { debounceMs: 300, maxStalenessMs: 5_000 },
      logger: createLogger("test", "silent"),
      pausedUntil: 0,
      failures: 0,
    };
    const last = new Map<string, number>();
    for (let revision = 1; revision <= 120; revision += 1) {
      const sku = ["SKU-MUG", "SKU-PEN"][revision % 2] ?? "SKU-MUG";
      const warehouse = revision % 5 === 0 ? "WH-UNMAPPED" : "WH-1";
      const available = 500 - revision;
      if (warehouse === "WH-1") last.set(sku, available);
      await loop.store.store.withTransaction((session) =>
        repo.keep("magento", { sku, warehouse, available, revision }, new Date(), session),
      );
      if (revision % 40 === 0) await flushStock(run);
    }
    await waitFor(
      async () => {
        await flushStock(run);
        return (await repo.pending("magento", 10)).length === 0;
      },
      { description: "every level sent" },
    );
    const calls = posts(/\/inventory\/source-items$/);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(4);
    expect(magento.sourceItems.get("SKU-MUG@ams_source")?.quantity).toBe(last.get("SKU-MUG"));
    expect(magento.sourceItems.get("SKU-PEN@ams_source")?.quantity).toBe(last.get("SKU-PEN"));
    expect(magento.sourceItems.size).toBe(2);
  });
});

/** A hub that records the orders placed and cancelled, answering as the orders service does. */
function recordingHub() {
  const placed = new Map<string, string>();
  const cancelled: string[] = [];
  const hub: Hub = {
    execute<T>(document: string, variables: Record<string, unknown>) {
      const input = variables["input"] as Record<string, unknown>;
      if (document.includes("placeChannelOrder")) {
        const reference = String(input["externalReference"]);
        const existing = placed.get(reference);
        if (existing)
          return Promise.resolve({
            placeChannelOrder: {
              __typename: "DuplicateOrderError",
              existingOrder: { id: existing },
            },
          } as T);
        const id = `ord_${reference}`;
        placed.set(reference, id);
        return Promise.resolve({ placeChannelOrder: { __typename: "Order", id } } as T);
      }
      cancelled.push(String(input["orderId"]));
      return Promise.resolve({ cancelOrder: { __typename: "Order" } } as T);
    },
  };
  return { hub, placed, cancelled };
}

async function startPull(pageSize: number, pullSeconds = "10") {
  const fullEnv = await env({
    MAGENTO_PAGE_SIZE: String(pageSize),
    MAGENTO_PULL_SECONDS: pullSeconds,
  });
  store = await openTestStore("integrations");
  const recorded = recordingHub();
  const built = createMagento(
    magentoConfig(fullEnv),
    store.store,
    recorded.hub,
    createLogger("test", "silent"),
  );
  const searches = () => magento.requests.filter((request) => request.path === "/rest/V1/orders");
  const poll = () => built.connector.poll?.() ?? Promise.resolve();
  return { pull: built.pull, poll, ...recorded, searches };
}

describe("pulling Magento orders", () => {
  it("places every order once across a page boundary among equal updated_at, and resumes from the watermark after a restart", async () => {
    const { pull, hub, placed } = await startPull(2);
    // Five orders, three of them updated in the same second, across pages of two.
    magento.addOrder({
      increment_id: "000000001",
      updated_at: "2026-12-02 09:00:00",
      items: [{ sku: "SKU-MUG", qty: 1, price: 12.5 }],
    });
    for (const id of ["000000002", "000000003", "000000004"])
      magento.addOrder({
        increment_id: id,
        updated_at: "2026-12-02 09:00:05",
        items: [{ sku: "SKU-MUG", qty: 2, price: 12.5 }],
      });
    magento.addOrder({
      increment_id: "000000005",
      updated_at: "2026-12-02 09:00:07",
      items: [{ sku: "SKU-PEN", qty: 1, price: 1.99 }],
    });
    // Before the configured start: not pulled.
    magento.addOrder({
      increment_id: "000000000",
      updated_at: "2026-11-01 09:00:00",
      items: [{ sku: "SKU-MUG", qty: 1, price: 12.5 }],
    });
    expect(await pullOrders(pull)).toEqual({ read: 5, handled: 5 });
    expect([...placed.keys()]).toEqual([
      "000000001",
      "000000002",
      "000000003",
      "000000004",
      "000000005",
    ]);

    // A restart: a new pull over the same store, and a new order in the watermark's second.
    const again: MagentoPull = { ...pull, hub };
    magento.addOrder({
      increment_id: "000000006",
      updated_at: "2026-12-02 09:00:07",
      items: [{ sku: "SKU-PEN", qty: 4, price: 1.99 }],
    });
    const placedBefore = placed.size;
    // It starts at the watermark's second: the order handled in it, and the new one.
    expect(await pullOrders(again)).toEqual({ read: 2, handled: 1 });
    expect(placed.size).toBe(placedBefore + 1);
    expect(placed.has("000000006")).toBe(true);
    // Nothing new: a pass places nothing.
    await pullOrders(again);
    expect(placed.size).toBe(6);
  });

  it("searches the store once per MAGENTO_PULL_SECONDS however often the connector polls, at once again after a pass that found a page of changed orders", async () => {
    const { poll, placed, searches } = await startPull(2, "60");
    for (const id of ["000000040", "000000041", "000000042"])
      magento.addOrder({
        increment_id: id,
        updated_at: "2026-12-02 13:00:00",
        items: [{ sku: "SKU-MUG", qty: 1, price: 12.5 }],
      });
    // A pass reads 20 pages at most: with pages of 2, three orders take one pass of two pages.
    await poll();
    expect(placed.size).toBe(3);
    // It found a page's worth of changed orders: the next poll searches again, finding none...
    const afterFirst = searches().length;
    await poll();
    const afterSecond = searches().length;
    expect(afterSecond).toBeGreaterThan(afterFirst);
    expect(placed.size).toBe(3);
    // ...and the ones after wait for the interval.
    await poll();
    await poll();
    expect(searches().length).toBe(afterSecond);
  });

  it("maps an order's items to lines at their net price and tax rate", async () => {
    const { pull } = await startPull(10);
    const inputs: unknown[] = [];
    const hub: Hub = {
      execute<T>(_document: string, variables: Record<string, unknown>) {
        inputs.push(variables["input"]);
        return Promise.resolve({ placeChannelOrder: { __typename: "Order", id: "ord_x" } } as T);
      },
    };
    magento.addOrder({
      increment_id: "000000010",
      updated_at: "2026-12-02 10:00:00",
      email: "Ada@Example.com",
      items: [
        { sku: "SKU-MUG", qty: 3, price: 12.5, tax_percent: 20 },
        { sku: "SKU-PEN", qty: 5, price: 1.99, tax_percent: 8.25 },
      ],
    });
    await pullOrders({ ...pull, hub });
    expect(inputs).toEqual([
      {
        customer: { email: "ada@example.com", name: "Magento Customer" },
        channel: "magento",
        externalReference: "000000010",
        currency: "EUR",
        lines: [
          { sku: "SKU-MUG", quantity: 3, unitPrice: "12.50", taxRate: "20" },
          { sku: "SKU-PEN", quantity: 5, unitPrice: "1.99", taxRate: "8.25" },
        ],
      },
    ]);
  });

  it("cancels in Waybill an order cancelled in Magento, and does not place one cancelled before it was pulled", async () => {
    const { pull, placed, cancelled } = await startPull(10);
    magento.addOrder({
      increment_id: "000000020",
      updated_at: "2026-12-02 11:00:00",
      items: [{ sku: "SKU-MUG", qty: 1, price: 12.5 }],
    });
    await pullOrders(pull);
    magento.update("000000020", { state: "canceled", updated_at: "2026-12-02 11:05:00" });
    magento.addOrder({
      increment_id: "000000021",
      updated_at: "2026-12-02 11:06:00",
      items: [{ sku: "SKU-MUG", qty: 1, price: 12.5 }],
    });
    magento.update("000000021", { state: "canceled", updated_at: "2026-12-02 11:06:00" });
    await pullOrders(pull);
    await pullOrders(pull);
    expect(cancelled).toEqual(["ord_000000020"]);
    expect([...placed.keys()]).toEqual(["000000020"]);
    expect((await pull.repo.order("000000021"))?.state).toBe("cancelled_unplaced");
  });

  it("stops a pass at an order the hub could not take, and places it on the next", async () => {
    const { pull, placed } = await startPull(10);
    let down = true;
    const flaky: Hub = {
      execute<T>(document: string, variables: Record<string, unknown>) {
        if (down) return Promise.reject(new Error("the hub did not answer"));
        return pull.hub.execute<T>(document, variables);
      },
    };
    for (const id of ["000000030", "000000031"])
      magento.addOrder({
        increment_id: id,
        updated_at: "2026-12-02 12:00:00",
        items: [{ sku: "SKU-MUG", qty: 1, price: 12.5 }],
      });
    await expect(pullOrders({ ...pull, hub: flaky })).rejects.toThrow("did not answer");
    expect(placed.size).toBe(0);
    down = false;
    await pullOrders({ ...pull, hub: flaky });
    expect([...placed.keys()]).toEqual(["000000030", "000000031"]);
  });
});
