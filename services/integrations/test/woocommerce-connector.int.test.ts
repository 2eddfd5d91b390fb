import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { waitFor } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { afterEach, describe, expect, it } from "vitest";
import { woocommerceConfig } from "../src/connectors/woocommerce/config.ts";
import { createWoocommerce } from "../src/connectors/woocommerce/index.ts";
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
import { startTestWoocommerce, type TestWoocommerce } from "./support/woocommerce-server.ts";

// The store is test/support/woocommerce-server.ts, which follows the WooCommerce REST API v3
// documentation's pages on authentication, errors, orders, order notes, refunds and batch updates.

const MAPPING = {
  channel: "woocommerce",
  carriers: {
    UPS: { name: "UPS", trackingUrl: "https://www.ups.com/track?tracknum={trackingNumber}" },
  },
  warehouse: "WH-1",
  products: { "SKU-MUG": { product: 501 }, "SKU-PEN": { product: 500, variation: 502 } },
  apiRefund: false,
};

let bed: ConnectorBed;
let shop: TestWoocommerce;
let dir: string;

afterEach(async () => {
  await bed.close();
  await shop.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(env: NodeJS.ProcessEnv = {}) {
  shop = await startTestWoocommerce();
  dir = await mkdtemp(join(tmpdir(), "waybill-woocommerce-"));
  const mappingPath = join(dir, "woocommerce-mapping.json");
  await writeFile(mappingPath, JSON.stringify(MAPPING));
  bed = await startConnectorBed(
    {
      WOOCOMMERCE_URL: shop.url,
      WOOCOMMERCE_CONSUMER_KEY: shop.consumerKey,
      WOOCOMMERCE_CONSUMER_SECRET: shop.consumerSecret,
      WOOCOMMERCE_MAPPING_FILE: mappingPath,
      WOOCOMMERCE_TIMEOUT_SECONDS: "0.5",
      ...env,
    },
    {
      connector: {
        name: "woocommerce",
        create: (fullEnv) =>
          createWoocommerce(woocommerceConfig(fullEnv), createLogger("test", "silent")).connector,
      },
    },
  );
}

/** Three mugs at 12.50 and five pens at 1.99, 20 % VAT: 52.95 with tax. */
const addOrder = (id: number) =>
  shop.addOrder({
    id,
    email: "wendy@example.com",
    lines: [
      { sku: "SKU-MUG", quantity: 3, price: "12.50", taxRate: "20", product: 501 },
      { sku: "SKU-PEN", quantity: 5, price: "1.99", taxRate: "20", product: 502 },
    ],
  });

const settled = (documentId: string, state: ConnectorDeliveryRecord["state"] = "delivered") =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("woocommerce", documentId);
      return record?.state === state && record;
    },
    { description: `${documentId} ${state}` },
  );

const sent = (method: string, path: RegExp) =>
  shop.requests.filter((request) => request.method === method && path.test(request.path));

describe("WooCommerce connector against a test store", () => {
  for (const fault of ["5xx", "timeout"] as const)
    it(`adds one tracking note per shipment and completes the order once all of it shipped, across a ${fault} after the effect`, async () => {
      await start();
      addOrder(1001);
      const ord = order("ord_1", "woocommerce", "1001");
      shop.failAfterEffect(fault);
      const first = confirmShipment(bed.billing, "shp_1", ord, [2, 0]);
      expect(await bed.consume(first)).toBe("handled");
      expect(await bed.consume(first)).toBe("duplicate");
      const delivery = await settled("shp_1");
      expect(delivery.attempts).toBe(2);
      expect(shop.notes).toHaveLength(1);
      const [note] = shop.notes;
      expect(delivery.externalId).toBe(String(note?.id));
      expect(note).toMatchObject({ orderId: 1001, customer_note: true });
      expect(note?.note).toBe(
        [
          "Shipped with UPS, tracking number 1ZSHP_1",
          "Track it: https://www.ups.com/track?tracknum=1ZSHP_1",
          "2 × SKU-MUG",
          "Waybill shipment shp_1",
        ].join("\n"),
      );
      // Two of three mugs and no pens: the order stays processing.
      expect(shop.order(1001)?.status).toBe("processing");
      expect(sent("PUT", /^\/orders\/1001$/)).toEqual([]);

      // This time the status change is the request whose answer is lost.
      shop.failAfterEffect(fault, /^\/orders\/1001$/);
      await bed.consume(confirmShipment(bed.billing, "shp_2", ord, [1, 5]));
      await settled("shp_2");
      expect(shop.notes.map((each) => each.note.split("\n").at(-1))).toEqual([
        "Waybill shipment shp_1",
        "Waybill shipment shp_2",
      ]);
      expect(shop.order(1001)?.status).toBe("completed");
      // The status was set once: the retry read it back as completed and found its note.
      expect(sent("POST", /\/notes$/)).toHaveLength(2);
      expect(sent("PUT", /^\/orders\/1001$/)).toHaveLength(1);
    });

  it("makes a credit note refunds restocking only the RESTOCK units, once across a 5xx, skipping invoices and adjustment notes", async () => {
    await start();
    addOrder(1002);
    const ord = order("ord_2", "woocommerce", "1002");
    const invoice = { id: "inv_2", number: "INV-2026-000002" };
    await bed.consume(issueInvoice(bed.billing, invoice.id, invoice.number, ord, [3, 5]));
    await bed.consume(adjustLiftgate(bed.billing, "an_2", "AN-2026-000002", invoice, ord));
    const credit = creditMugs(bed.billing, "cn_2", "CN-2026-000002", invoice, ord, 3);
    // Of the three mugs returned, one went back on the shelf and two were scrapped.
    const stored = bed.billing.creditNotes.get("cn_2") as { return: { lines: unknown[] } };
    stored.return.lines = [
      { lineId: "ord_2-l1", received: 1, disposition: "RESTOCK" },
      { lineId: "ord_2-l1", received: 2, disposition: "SCRAP" },
    ];
    shop.failAfterEffect("5xx");
    await bed.consume(credit);
    const delivery = await settled("cn_2");
    expect((await settled("inv_2", "skipped")).lastError).toContain("not sent to WooCommerce");
    expect((await settled("an_2", "skipped")).lastError).toContain("not sent to WooCommerce");
    const mugItem = shop.order(1002)?.line_items[0]?.id;
    expect(shop.refunds).toMatchObject([
      {
        orderId: 1002,
        amount: "15.00",
        reason: "Waybill credit note CN-2026-000002 (restocked)",
        api_refund: false,
        api_restock: true,
        line_items: [
          {
            id: mugItem,
            quantity: 1,
            refund_total: "12.50",
            refund_tax: [{ id: 72, refund_total: "2.50" }],
          },
        ],
      },
      {
        orderId: 1002,
        amount: "30.00",
        reason: "Waybill credit note CN-2026-000002",
        api_refund: false,
        api_restock: false,
        line_items: [
          {
            id: mugItem,
            quantity: 2,
            refund_total: "25.00",
            refund_tax: [{ id: 72, refund_total: "5.00" }],
          },
        ],
      },
    ]);
    expect(delivery.externalId).toBe(shop.refunds.map((refund) => refund.id).join(","));
    // The restocking refund put back its one mug, and only it.
    expect(shop.stock.get(501)).toBe(1);
    expect(sent("POST", /\/refunds$/)).toHaveLength(2);
  });

  it("waits out a 429 for its Retry-After before sending anything more", async () => {
    await start();
    addOrder(1003);
    shop.throttleNext(1);
    await bed.consume(
      confirmShipment(bed.billing, "shp_3", order("ord_3", "woocommerce", "1003"), [3, 5]),
    );
    await settled("shp_3");
    const [throttled, next] = shop.requests;
    expect(throttled?.status).toBe(429);
    expect((next?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(shop.notes).toHaveLength(1);
    expect(shop.order(1003)?.status).toBe("completed");
  });

  it("skips a shipment of an order from another channel without asking the store", async () => {
    await start();
    await bed.consume(confirmShipment(bed.billing, "shp_4", order("ord_4", "web"), [1, 0]));
    const record = await settled("shp_4", "skipped");
    expect(record.lastError).toContain("came from web, not WooCommerce");
    expect(shop.requests).toEqual([]);
  });

  it("sets a burst of stock changes in few batch calls of at most 100, the store ending at the last available", async () => {
    await start();
    await prepareStockFeedStore(bed.store.store);
    const repo = stockLevelRepository(bed.store.store);
    const run: StockFeedRun = {
      sink: bed.connectors.runs[0]?.connector as unknown as StockSink,
      repo,
      config: { debounceMs: 300, maxStalenessMs: 5_000 },
      logger: createLogger("test", "silent"),
      pausedUntil: 0,
      failures: 0,
    };
    // 150 more simple products, so one flush needs two product batches.
    const products: Record<string, { product: number }> = {};
    for (let n = 1; n <= 150; n += 1) products[`SKU-${n}`] = { product: 1000 + n };
    await writeFile(
      join(dir, "woocommerce-mapping.json"),
      JSON.stringify({ ...MAPPING, products: { ...MAPPING.products, ...products } }),
    );
    const keep = (sku: string, warehouse: string, available: number, revision: number) =>
      bed.store.store.withTransaction((session) =>
        repo.keep("woocommerce", { sku, warehouse, available, revision }, new Date(), session),
      );
    for (let n = 1; n <= 150; n += 1) await keep(`SKU-${n}`, "WH-1", n, 1);
    const stop = new AbortController();
    const feeding = (async () => {
      while (!stop.signal.aborted) {
        await flushStock(run);
        await sleep(50);
      }
    })();
    const last = new Map<string, number>();
    for (let revision = 2; revision <= 121; revision += 1) {
      const sku = ["SKU-MUG", "SKU-PEN", "SKU-UNMAPPED"][revision % 3] ?? "SKU-MUG";
      last.set(sku, 500 - revision);
      await keep(sku, "WH-1", 500 - revision, revision);
    }
    // Another warehouse's level is not the store's.
    await keep("SKU-MUG", "WH-2", 7, 1);
    await waitFor(async () => (await repo.pending("woocommerce", 10)).length === 0, {
      description: "every level sent",
    });
    stop.abort();
    await feeding;
    expect(shop.stock.get(501)).toBe(last.get("SKU-MUG"));
    expect(shop.stock.get(502)).toBe(last.get("SKU-PEN"));
    for (let n = 1; n <= 150; n += 1) expect(shop.stock.get(1000 + n)).toBe(n);
    expect(shop.stock.size).toBe(152);
    expect(shop.batches.every((call) => call.size <= 100)).toBe(true);
    // 150 products and 120 changes of three SKUs: a handful of calls, not hundreds.
    expect(shop.batches.length).toBeGreaterThanOrEqual(2);
    expect(shop.batches.length).toBeLessThanOrEqual(10);
    expect(shop.batches.some((call) => call.path === "/products/500/variations/batch")).toBe(true);
  });

  it("fails clearly on a refused key, creating nothing", async () => {
    await start({ WOOCOMMERCE_CONSUMER_SECRET: "cs_not_the_stores_secret" });
    addOrder(1006);
    await bed.consume(
      confirmShipment(bed.billing, "shp_6", order("ord_6", "woocommerce", "1006"), [1, 0]),
    );
    const record = await waitFor(
      async () => {
        const found = await bed.connectors.repo.deliveryOf("woocommerce", "shp_6");
        return found && found.attempts >= 2 && found;
      },
      { description: "shp_6 tried twice" },
    );
    expect(record.state).toBe("failed");
    expect(record.lastError).toContain("WooCommerce 401");
    expect(record.lastError).toContain("woocommerce_rest_authentication_error");
    expect(record.lastError).toContain("WOOCOMMERCE_CONSUMER_KEY");
    expect(shop.notes).toEqual([]);
  });

  it("sends the keys as query parameters when WOOCOMMERCE_QUERY_STRING_AUTH is true", async () => {
    await start({ WOOCOMMERCE_QUERY_STRING_AUTH: "true" });
    addOrder(1007);
    await bed.consume(
      confirmShipment(bed.billing, "shp_7", order("ord_7", "woocommerce", "1007"), [1, 0]),
    );
    await settled("shp_7");
    expect(shop.notes).toHaveLength(1);
    expect(shop.requests.map((request) => request.auth)).toEqual(["query", "query", "query"]);
    expect(shop.requests.every((request) => request.status < 400)).toBe(true);
  });
});
