import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { buildEvent } from "@waybill/bus";
import { waitFor } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { afterEach, describe, expect, it } from "vitest";
import { shopifyConfig } from "../src/connectors/shopify/config.ts";
import { createShopify } from "../src/connectors/shopify/index.ts";
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
import { startTestShopify, type TestShopify } from "./support/shopify-admin-server.ts";

// The shop is test/support/shopify-admin-server.ts, which follows the GraphQL Admin API's
// reference pages for the operations used and its rate-limit and idempotency pages.

const MUG_ITEM = "gid://shopify/InventoryItem/7001";
const PEN_ITEM = "gid://shopify/InventoryItem/7002";
const WH1 = "gid://shopify/Location/81";
const MAPPING = {
  channel: "shopify",
  carriers: {
    UPS: { company: "UPS", trackingUrl: "https://www.ups.com/track?tracknum={trackingNumber}" },
  },
  locations: { "WH-1": WH1 },
  inventoryItems: { "SKU-MUG": MUG_ITEM, "SKU-PEN": PEN_ITEM },
  restockLocation: WH1,
};

let bed: ConnectorBed;
let shop: TestShopify;
let dir: string;

afterEach(async () => {
  await bed.close();
  await shop.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(env: NodeJS.ProcessEnv = {}) {
  shop = await startTestShopify();
  dir = await mkdtemp(join(tmpdir(), "waybill-shopify-"));
  const mappingPath = join(dir, "shopify-mapping.json");
  await writeFile(mappingPath, JSON.stringify(MAPPING));
  bed = await startConnectorBed(
    {
      SHOPIFY_SHOP_URL: shop.url,
      SHOPIFY_ADMIN_TOKEN: shop.token,
      SHOPIFY_MAPPING_FILE: mappingPath,
      SHOPIFY_TIMEOUT_SECONDS: "0.5",
      ...env,
    },
    {
      connector: {
        name: "shopify",
        create: (fullEnv) =>
          createShopify(shopifyConfig(fullEnv), createLogger("test", "silent")).connector,
      },
    },
  );
}

const settled = (documentId: string, state: ConnectorDeliveryRecord["state"] = "delivered") =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("shopify", documentId);
      return record?.state === state && record;
    },
    { description: `${documentId} ${state}` },
  );

const creates = (operation: string) =>
  shop.requests.filter((request) => request.operation === operation);

describe("Shopify connector against a test shop", () => {
  for (const fault of ["5xx", "timeout"] as const)
    it(`makes a partial shipment one fulfilment of the shipped quantities with tracking, once across a ${fault} after the effect`, async () => {
      await start();
      // Three mugs and five pens were ordered in Shopify; two mugs shipped.
      const orderId = shop.addOrder("450789469", [
        { sku: "SKU-MUG", quantity: 3 },
        { sku: "SKU-PEN", quantity: 5 },
      ]);
      shop.failAfterEffect(fault);
      const event = confirmShipment(
        bed.billing,
        "shp_1",
        order("ord_1", "shopify", "450789469"),
        [2, 0],
      );
      expect(await bed.consume(event)).toBe("handled");
      expect(await bed.consume(event)).toBe("duplicate");
      const delivery = await settled("shp_1");
      expect(creates("WaybillFulfillmentCreate")).toHaveLength(1);
      expect(shop.fulfillments).toHaveLength(1);
      const [fulfillment] = shop.fulfillments;
      expect(delivery.externalId).toBe(fulfillment?.id);
      expect(delivery.attempts).toBe(2);
      expect(fulfillment).toMatchObject({
        orderId,
        trackingInfo: [
          { number: "1ZSHP_1", company: "UPS", url: "https://www.ups.com/track?tracknum=1ZSHP_1" },
        ],
        notifyCustomer: false,
      });
      // Only the two mugs: one fulfilment order line, the pens left open.
      expect(fulfillment?.lineItems.map((line) => line.quantity)).toEqual([2]);
    });

  it("follows the shipment's milestones with events of its fulfilment, each once across a 5xx, skipping what Shopify has no status for", async () => {
    await start();
    shop.addOrder("450789480", [
      { sku: "SKU-MUG", quantity: 3 },
      { sku: "SKU-PEN", quantity: 5 },
    ]);
    const forOrder = order("ord_m", "shopify", "450789480");
    const milestone = (
      type: "IN_TRANSIT" | "OUT_FOR_DELIVERY" | "DELIVERED" | "PROOF_OF_DELIVERY",
      minute: number,
      id: string,
    ) =>
      buildEvent({
        type: "shipments.milestone.recorded",
        subject: "shp_m",
        source: "/waybill/shipments",
        data: {
          shipmentId: "shp_m",
          orderId: forOrder.id,
          customerId: "cus_1",
          milestoneId: id,
          type,
          occurredAt: `2026-12-03T1${minute}:00:00.000Z`,
          status: type === "PROOF_OF_DELIVERY" ? "DELIVERED" : type,
          deliveredAt: null,
          revision: minute,
          late: false,
          carrier: "UPS",
          trackingNumber: "1ZSHP_M",
          location: null,
          signedBy: type === "PROOF_OF_DELIVERY" ? "J. Doe" : null,
          photoReference: null,
          reasonCode: null,
          deliveredQuantity: null,
          shippedQuantity: 2,
        },
      });
    expect(await bed.consume(confirmShipment(bed.billing, "shp_m", forOrder, [2, 0]))).toBe(
      "handled",
    );
    shop.failAfterEffect("5xx", "fulfillmentEventCreate");
    expect(await bed.consume(milestone("IN_TRANSIT", 1, "ms_1"))).toBe("handled");
    await settled("shp_m");
    await settled("ms_1");
    for (const [type, minute, id] of [
      ["OUT_FOR_DELIVERY", 2, "ms_2"],
      ["DELIVERED", 3, "ms_3"],
      ["PROOF_OF_DELIVERY", 4, "ms_4"],
    ] as const)
      expect(await bed.consume(milestone(type, minute, id))).toBe("handled");
    await settled("ms_3");
    const skipped = await settled("ms_4", "skipped");
    expect(skipped.lastError).toMatch(/no fulfilment event for PROOF_OF_DELIVERY/);
    const [fulfillment] = shop.fulfillments;
    expect(fulfillment?.events.map(({ status, happenedAt }) => [status, happenedAt])).toEqual([
      ["IN_TRANSIT", "2026-12-03T11:00:00.000Z"],
      ["OUT_FOR_DELIVERY", "2026-12-03T12:00:00.000Z"],
      ["DELIVERED", "2026-12-03T13:00:00.000Z"],
    ]);
    // The 5xx'd create was found on the retry, not made again.
    expect(creates("WaybillFulfillmentEventCreate")).toHaveLength(3);
  });

  it("makes a credit note one refund of the credited line items, its money through the sale and its restock per disposition, skipping invoices and adjustment notes", async () => {
    await start();
    // 3 mugs at 12.50 and 5 pens at 1.99, 20 % tax: 56.94 paid in one sale.
    const orderId = shop.addOrder(
      "450789470",
      [
        { sku: "SKU-MUG", quantity: 3 },
        { sku: "SKU-PEN", quantity: 5 },
      ],
      { amount: "56.94", currency: "EUR", gateway: "shopify_payments" },
    );
    const [sale] = shop.transactions(orderId);
    const ord = order("ord_2", "shopify", "450789470");
    const invoice = { id: "inv_2", number: "INV-2026-000002" };
    await bed.consume(issueInvoice(bed.billing, invoice.id, invoice.number, ord, [3, 5]));
    await bed.consume(adjustLiftgate(bed.billing, "an_2", "AN-2026-000002", invoice, ord));
    shop.failAfterEffect("5xx");
    const credit = creditMugs(bed.billing, "cn_2", "CN-2026-000002", invoice, ord, 2);
    // Two mugs came back: one went back on the shelf, one was scrapped.
    const note = bed.billing.creditNotes.get("cn_2") as { return: { lines: unknown[] } };
    note.return.lines = [
      { lineId: "ord_2-l1", received: 1, disposition: "RESTOCK" },
      { lineId: "ord_2-l1", received: 1, disposition: "SCRAP" },
    ];
    await bed.consume(credit);
    const delivery = await settled("cn_2");
    expect((await settled("inv_2", "skipped")).lastError).toContain("not sent to Shopify");
    expect((await settled("an_2", "skipped")).lastError).toContain("not sent to Shopify");
    expect(creates("WaybillRefundCreate")).toHaveLength(1);
    expect(shop.refunds).toHaveLength(1);
    const [refund] = shop.refunds;
    expect(delivery.externalId).toBe(refund?.id);
    expect(delivery.attempts).toBe(2);
    expect(refund?.note).toContain("CN-2026-000002");
    const mugItem = shop.lineItems(orderId)[0]?.id;
    expect(refund?.refundLineItems).toEqual([
      { lineItemId: mugItem, quantity: 1, restockType: "RETURN", locationId: WH1 },
      { lineItemId: mugItem, quantity: 1, restockType: "NO_RESTOCK" },
    ]);
    // Two mugs, tax included: 2 × 12.50 + 5.00.
    expect(refund?.transactions).toEqual([
      { parentId: sale?.id, gateway: "shopify_payments", amount: "30.00" },
    ]);
    expect(shop.restocks).toEqual([{ lineItemId: mugItem, quantity: 1, locationId: WH1 }]);
    expect(shop.transactions(orderId).filter((tx) => tx.kind === "REFUND")).toHaveLength(1);
  });

  it("parks a refund the sale cannot cover, and refunds no money for an order nothing was paid for", async () => {
    await start();
    shop.addOrder("450789473", [{ sku: "SKU-MUG", quantity: 3 }], {
      amount: "10.00",
      currency: "EUR",
    });
    const short = order("ord_7", "shopify", "450789473");
    const invoice = { id: "inv_7", number: "INV-2026-000007" };
    await bed.consume(issueInvoice(bed.billing, invoice.id, invoice.number, short, [3, 0]));
    await bed.consume(
      creditMugs(bed.billing, "cn_7", "CN-2026-000007", invoice, short, 2, "SCRAP"),
    );
    const parked = await waitFor(
      async () => {
        const record = await bed.connectors.repo.deliveryOf("shopify", "cn_7");
        return record?.parked && record;
      },
      { description: "cn_7 parked" },
    );
    expect(parked.lastError).toContain("10.00 EUR left to refund");
    expect(shop.refunds).toEqual([]);

    const unpaidId = shop.addOrder("450789474", [{ sku: "SKU-MUG", quantity: 3 }]);
    const unpaid = order("ord_8", "shopify", "450789474");
    const invoice8 = { id: "inv_8", number: "INV-2026-000008" };
    await bed.consume(issueInvoice(bed.billing, invoice8.id, invoice8.number, unpaid, [3, 0]));
    await bed.consume(
      creditMugs(bed.billing, "cn_8", "CN-2026-000008", invoice8, unpaid, 2, "SCRAP"),
    );
    await settled("cn_8");
    expect(shop.refunds).toMatchObject([
      {
        orderId: unpaidId,
        transactions: [],
        refundLineItems: [{ quantity: 2, restockType: "NO_RESTOCK" }],
      },
    ]);
  });

  it("waits out a THROTTLED answer for as long as the bucket's restore rate needs", async () => {
    await start();
    shop.addOrder("450789471", [
      { sku: "SKU-MUG", quantity: 1 },
      { sku: "SKU-PEN", quantity: 1 },
    ]);
    shop.bucket.restoreRate = 20;
    shop.drainBucket();
    await bed.consume(
      confirmShipment(bed.billing, "shp_3", order("ord_3", "shopify", "450789471"), [1, 1]),
    );
    await settled("shp_3");
    const [throttled, next] = shop.requests;
    expect(throttled).toMatchObject({ throttled: true, operation: "WaybillFulfillmentOrders" });
    // A query costs 20 and the bucket restores 20 a second: nothing was sent within the second.
    expect((next?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(shop.requests.filter((request) => request.throttled)).toHaveLength(1);
    expect(shop.fulfillments).toHaveLength(1);
  });

  it("holds a request until the bucket has room for its cost, rather than being throttled", async () => {
    await start();
    for (const id of ["450789481", "450789482"])
      shop.addOrder(id, [
        { sku: "SKU-MUG", quantity: 1 },
        { sku: "SKU-PEN", quantity: 1 },
      ]);
    // A small bucket: one shipment (a query of 20, a mutation of 10) leaves 10 of 40.
    Object.assign(shop.bucket, { maximumAvailable: 40, currentlyAvailable: 40, restoreRate: 10 });
    await bed.consume(
      confirmShipment(bed.billing, "shp_a", order("ord_a", "shopify", "450789481"), [1, 0]),
    );
    await settled("shp_a");
    await bed.consume(
      confirmShipment(bed.billing, "shp_b", order("ord_b", "shopify", "450789482"), [1, 0]),
    );
    await settled("shp_b");
    expect(shop.fulfillments).toHaveLength(2);
    expect(shop.requests.filter((request) => request.throttled)).toEqual([]);
  });

  it("skips a shipment of an order from another channel without asking the shop", async () => {
    await start();
    await bed.consume(confirmShipment(bed.billing, "shp_4", order("ord_4", "web"), [1, 0]));
    const record = await settled("shp_4", "skipped");
    expect(record.lastError).toContain("came from web, not Shopify");
    expect(shop.requests).toEqual([]);
  });

  it("sets a burst of stock changes in few calls, the shop ending at the last available", async () => {
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
    const stop = new AbortController();
    const feeding = (async () => {
      while (!stop.signal.aborted) {
        await flushStock(run);
        await sleep(50);
      }
    })();
    const last = new Map<string, number>();
    for (let revision = 1; revision <= 120; revision += 1) {
      const sku = ["SKU-MUG", "SKU-PEN", "SKU-UNMAPPED"][revision % 3] ?? "SKU-MUG";
      const available = 500 - revision;
      last.set(sku, available);
      await bed.store.store.withTransaction((session) =>
        repo.keep("shopify", { sku, warehouse: "WH-1", available, revision }, new Date(), session),
      );
    }
    await waitFor(async () => (await repo.pending("shopify", 10)).length === 0, {
      description: "every level sent",
    });
    stop.abort();
    await feeding;
    expect(shop.inventorySets.length).toBeGreaterThanOrEqual(1);
    expect(shop.inventorySets.length).toBeLessThanOrEqual(4);
    expect(shop.available.get(`${MUG_ITEM}@${WH1}`)).toBe(last.get("SKU-MUG"));
    expect(shop.available.get(`${PEN_ITEM}@${WH1}`)).toBe(last.get("SKU-PEN"));
    // The unmapped SKU was left out, not sent under some other item.
    expect(shop.available.size).toBe(2);
  });

  it("fails clearly on a refused access token, creating nothing", async () => {
    await start({ SHOPIFY_ADMIN_TOKEN: "shpat_not_the_shops_token" });
    shop.addOrder("450789472", [{ sku: "SKU-MUG", quantity: 1 }]);
    await bed.consume(
      confirmShipment(bed.billing, "shp_6", order("ord_6", "shopify", "450789472"), [1, 0]),
    );
    const record = await waitFor(
      async () => {
        const found = await bed.connectors.repo.deliveryOf("shopify", "shp_6");
        return found && found.attempts >= 2 && found;
      },
      { description: "shp_6 tried twice" },
    );
    expect(record.state).toBe("failed");
    expect(record.lastError).toContain("Shopify 401");
    expect(record.lastError).toContain("SHOPIFY_ADMIN_TOKEN");
    expect(shop.requests.every((request) => request.status === 401)).toBe(true);
    expect(shop.fulfillments).toEqual([]);
  });
});
