import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestMagento,
  type TestMagento,
} from "../../services/integrations/test/support/magento-server.ts";
import { CREATE_PRODUCT, PRODUCT_STOCK } from "../documents/inventory.ts";
import { execute, nodes, type Paged } from "../support/graphql.ts";
import { closed, receiveReturn, requestReturn, ship } from "../support/money-path.ts";
import { createCustomer, placeWhenSkusKnown } from "../support/orders.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// A Magento store's orders through the whole hub and back: the integrations service pulls them
// by updated_at from its watermark and places them through the gateway; shipments, credit notes
// and stock levels go back to the store. The store is
// services/integrations/test/support/magento-server.ts, which follows Adobe Commerce's REST
// pages (searchCriteria, order ship and refund, MSI source items, errors), named in its header.

const SOURCE = "ams_source";
const SKUS = ["MG-MUG", "MG-PEN"];
const DEBOUNCE_MS = 500;

let system: TestSystem;
let gateway: string;
let magento: TestMagento;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-magento-e2e-"));
  magento = await startTestMagento({ slowMs: 2_000 });
  const mappingPath = join(dir, "magento-mapping.json");
  await writeFile(
    mappingPath,
    JSON.stringify({
      channel: "magento",
      carriers: { UPS: { carrierCode: "ups", title: "United Parcel Service" } },
      sources: { AMS1: SOURCE },
    }),
  );
  system = await startTestSystem({
    CONNECTORS: "magento",
    CONNECTOR_RETRY_SCHEDULE: "0,0.2,0.5,1,2,5",
    CONNECTOR_POLL_MS: "100",
    MAGENTO_URL: magento.url,
    MAGENTO_ACCESS_TOKEN: magento.token,
    MAGENTO_MAPPING_FILE: mappingPath,
    MAGENTO_ORDERS_SINCE: "2026-12-01 00:00:00",
    MAGENTO_PAGE_SIZE: "5",
    MAGENTO_PULL_SECONDS: "0.2",
    MAGENTO_TIMEOUT_SECONDS: "1",
    STOCK_FEED_DEBOUNCE_MS: String(DEBOUNCE_MS),
    STOCK_FEED_MAX_STALENESS_MS: "3000",
  });
  gateway = system.gatewayUrl;
  for (const sku of SKUS)
    await execute(gateway, CREATE_PRODUCT, { sku, name: sku, warehouse: "AMS1", quantity: 500 });
  // Orders learn the SKUs from inventory's events: wait for that before the store's orders come.
  await placeWhenSkusKnown(
    gateway,
    await createCustomer(gateway),
    SKUS.map((sku) => ({ sku, quantity: 1 })),
  );
}, 120_000);

afterAll(async () => {
  await system?.dispose();
  await magento?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type PlacedOrder = {
  id: string;
  channel: string;
  externalReference: string | null;
  fulfilmentStatus: string;
  lines: { id: string; sku: string; quantity: number }[];
};

/** The orders placed from the store, by increment id. */
async function magentoOrders(): Promise<PlacedOrder[]> {
  const { orders } = await execute<{ orders: Paged<PlacedOrder> }>(
    gateway,
    `{ orders(first: 100) { edges { node { id channel externalReference fulfilmentStatus lines { id sku quantity } } } } }`,
  );
  return nodes(orders).filter((order) => order.channel === "magento");
}

const pulled = (incrementId: string) =>
  waitFor(
    async () => (await magentoOrders()).find((order) => order.externalReference === incrementId),
    { description: `Magento order ${incrementId} placed`, timeoutMs: 30_000 },
  );

type Delivery = { kind: string; orderId: string; state: string; externalId: string | null };

async function deliveriesOf(orderId: string): Promise<Delivery[]> {
  const { connectors } = await execute<{
    connectors: { name: string; deliveries: Paged<Delivery> }[];
  }>(
    gateway,
    `{ connectors { name deliveries(first: 100) { edges { node { kind orderId state externalId } } } } }`,
  );
  return nodes(connectors[0]?.deliveries ?? { edges: [] }).filter((d) => d.orderId === orderId);
}

/** Waits until the order's delivery of `kind` is DELIVERED. */
const delivered = (orderId: string, kind: string) =>
  waitFor(
    async () =>
      (await deliveriesOf(orderId)).find((d) => d.kind === kind && d.state === "DELIVERED"),
    { description: `the ${kind} delivered to Magento`, timeoutMs: 30_000 },
  );

const posts = (path: RegExp) =>
  magento.requests.filter((request) => request.method === "POST" && path.test(request.path));

/** Available-to-promise at AMS1, as inventory answers it. */
async function availableToPromise(sku: string): Promise<number> {
  const { product } = await execute(gateway, PRODUCT_STOCK, { sku });
  const level = product?.stock.find((stock) => stock.warehouse === "AMS1");
  if (!level) throw new Error(`${sku} has no stock at AMS1`);
  return level.available;
}

const sourceItemCalls = () =>
  magento.requests.filter(
    (r) => r.method === "POST" && r.path.endsWith("/inventory/source-items") && r.status === 200,
  );

/** Waits until the store's source items show inventory's available-to-promise for every SKU. */
function storeShowsAvailableToPromise(): Promise<Record<string, number>> {
  return waitFor(
    async () => {
      const atp: Record<string, number> = {};
      for (const sku of SKUS) atp[sku] = await availableToPromise(sku);
      return (
        SKUS.every((sku) => magento.sourceItems.get(`${sku}@${SOURCE}`)?.quantity === atp[sku]) &&
        atp
      );
    },
    { description: "the source items at available-to-promise", timeoutMs: 30_000 },
  );
}

describe("a Magento store through the hub", () => {
  it("pulls an order and ships part of it as one Magento shipment with its track, once across a 5xx", async () => {
    const placed = magento.addOrder({
      increment_id: "000000501",
      updated_at: "2026-12-03 10:00:00",
      email: "magento.buyer@example.com",
      items: [
        { sku: "MG-MUG", qty: 3, price: 12.5 },
        { sku: "MG-PEN", qty: 2, price: 1.99 },
      ],
    });
    const order = await pulled("000000501");
    expect(order.lines.map((line) => [line.sku, line.quantity])).toEqual([
      ["MG-MUG", 3],
      ["MG-PEN", 2],
    ]);
    const [mugItem] = placed.items;
    // The store takes the shipment, then its proxy answers 502: the retry finds it by its track.
    magento.failAfterEffect("5xx");
    await ship(gateway, order.id, [{ lineId: order.lines[0]?.id ?? "", quantity: 2 }]);
    const despatch = await delivered(order.id, "DESPATCH");
    const shipments = magento.shipments.filter((one) => one.order_id === placed.entity_id);
    expect(shipments).toHaveLength(1);
    const [shipment] = shipments;
    expect(despatch.externalId).toBe(String(shipment?.entity_id));
    expect(shipment).toMatchObject({
      items: [{ order_item_id: mugItem?.item_id, qty: 2 }],
      tracks: [{ title: "United Parcel Service", carrier_code: "ups" }],
      source_code: SOURCE,
    });
    expect(shipment?.tracks[0]?.track_number).toMatch(/^1Z/);
    expect(posts(new RegExp(`/order/${placed.entity_id}/ship$`))).toEqual([
      expect.objectContaining({ status: 502 }),
    ]);
    // The invoice is the store's own: skipped, saying why.
    await waitFor(
      async () =>
        (await deliveriesOf(order.id)).find((d) => d.kind === "INVOICE" && d.state === "SKIPPED"),
      { description: "the invoice skipped for Magento", timeoutMs: 30_000 },
    );
  }, 120_000);

  it("credits a return as one credit memo returning the restocked item to stock, once across a timeout", async () => {
    const placed = magento.addOrder({
      increment_id: "000000502",
      updated_at: "2026-12-03 10:01:00",
      items: [{ sku: "MG-MUG", qty: 2, price: 12.5 }],
    });
    const order = await pulled("000000502");
    const lineId = order.lines[0]?.id ?? "";
    await ship(gateway, order.id, [{ lineId, quantity: 2 }]);
    await delivered(order.id, "DESPATCH");
    const returnId = await requestReturn(gateway, order.id, [{ lineId, quantity: 2 }]);
    // The credit memo is taken, but its answer comes after the connector has given up.
    magento.failAfterEffect("timeout");
    await receiveReturn(gateway, returnId, [{ lineId, received: 2, disposition: "RESTOCK" }]);
    await closed(gateway, returnId);
    const credit = await delivered(order.id, "CREDIT_NOTE");
    const memos = magento.creditMemos.filter((memo) => memo.order_id === placed.entity_id);
    expect(memos).toHaveLength(1);
    const [memo] = memos;
    const mug = placed.items[0]?.item_id;
    expect(credit.externalId).toBe(String(memo?.entity_id));
    expect(memo).toMatchObject({
      items: [{ order_item_id: mug, qty: 2 }],
      return_to_stock_items: [mug],
    });
    expect(memo?.comments[0]?.comment).toMatch(/^Waybill credit note CN-/);
    expect(posts(new RegExp(`/order/${placed.entity_id}/refund$`))).toHaveLength(1);
    expect(magento.returnedToStock.get("MG-MUG")).toBe(2);
  }, 120_000);

  it("resumes from its watermark after a restart, placing no order twice, and cancels an order cancelled in the store", async () => {
    magento.addOrder({
      increment_id: "000000510",
      updated_at: "2026-12-03 10:10:00",
      items: [{ sku: "MG-PEN", qty: 1, price: 1.99 }],
    });
    await pulled("000000510");
    await system.services.integrations.kill();
    // In the watermark's second, after the order handled last: found after the restart.
    magento.addOrder({
      increment_id: "000000511",
      updated_at: "2026-12-03 10:10:00",
      items: [{ sku: "MG-PEN", qty: 1, price: 1.99 }],
    });
    await system.services.integrations.start();
    const second = await pulled("000000511");
    const references = (await magentoOrders()).map((order) => order.externalReference);
    expect(references.filter((reference) => reference === "000000510")).toHaveLength(1);
    expect(references.filter((reference) => reference === "000000511")).toHaveLength(1);

    magento.update("000000511", { state: "canceled", updated_at: "2026-12-03 10:15:00" });
    await waitFor(
      async () =>
        (await magentoOrders()).find(
          (order) => order.id === second.id && order.fulfilmentStatus === "CANCELLED",
        ),
      { description: "the order cancelled in Waybill", timeoutMs: 30_000 },
    );
  }, 120_000);

  it("turns a burst of the store's orders into few source-items calls, the store ending at available-to-promise", async () => {
    const baseline = await storeShowsAvailableToPromise();
    const before = sourceItemCalls().length;
    const started = Date.now();
    for (let index = 0; index < 40; index += 1)
      magento.addOrder({
        increment_id: `000000${600 + index}`,
        updated_at: `2026-12-03 11:00:${String(index).padStart(2, "0")}`,
        items: SKUS.map((sku) => ({ sku, qty: 1, price: 2 })),
      });
    // The orders are pulled and placed, and inventory reserves them from their events.
    await waitFor(
      async () => {
        for (const sku of SKUS)
          if ((await availableToPromise(sku)) !== (baseline[sku] ?? 0) - 40) return false;
        return true;
      },
      { description: "inventory to reserve the burst's 80 units", timeoutMs: 60_000 },
    );
    const expected = await storeShowsAvailableToPromise();
    expect(expected).toEqual(
      Object.fromEntries(SKUS.map((sku) => [sku, (baseline[sku] ?? 0) - 40])),
    );
    const burstCalls = sourceItemCalls().slice(before);
    const lastAt = Math.max(...burstCalls.map((call) => call.at));
    // A call goes once levels have been quiet for the debounce: at most one per debounce while
    // the burst lasted, a handful for 80 reservations.
    expect(burstCalls.length).toBeGreaterThan(0);
    expect(burstCalls.length).toBeLessThanOrEqual(Math.floor((lastAt - started) / DEBOUNCE_MS) + 1);
    expect(burstCalls.length).toBeLessThan(80 / 4);
  }, 120_000);
});
