import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestShopify,
  type TestShopify,
} from "../../services/integrations/test/support/shopify-admin-server.ts";
import { CREATE_PRODUCT, PRODUCT_STOCK } from "../documents/inventory.ts";
import { execute, nodes, type Paged } from "../support/graphql.ts";
import { issued, ship } from "../support/money-path.ts";
import { createCustomer, placeDemoOrder, placeWhenSkusKnown } from "../support/orders.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// Inventory's stock levels through the whole hub into a storefront: reservations made through the
// gateway, inventory's `inventory.stock_level.changed` events over NATS, the integrations
// service's stock feed debouncing them per SKU and warehouse, and the shop's
// `inventorySetQuantities` (services/integrations/test/support/shopify-admin-server.ts, which
// follows the GraphQL Admin API's reference pages). And the channel rule: an order placed through
// GraphQL is not the shop's, so nothing of it goes there.

const DEBOUNCE_MS = 500;
const LOCATION = "gid://shopify/Location/81";
const SKUS = ["SF-MUG", "SF-TEE", "SF-CAP", "SF-PEN"];
const ITEMS = Object.fromEntries(
  SKUS.map((sku, index) => [sku, `gid://shopify/InventoryItem/${9001 + index}`]),
);

let system: TestSystem;
let gateway: string;
let shop: TestShopify;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-stock-feed-e2e-"));
  shop = await startTestShopify();
  const mappingPath = join(dir, "shopify-mapping.json");
  await writeFile(
    mappingPath,
    JSON.stringify({
      channel: "shopify",
      carriers: { UPS: { company: "UPS" } },
      locations: { AMS1: LOCATION },
      inventoryItems: ITEMS,
    }),
  );
  system = await startTestSystem({
    CONNECTORS: "shopify",
    CONNECTOR_POLL_MS: "100",
    SHOPIFY_SHOP_URL: shop.url,
    SHOPIFY_ADMIN_TOKEN: shop.token,
    SHOPIFY_MAPPING_FILE: mappingPath,
    STOCK_FEED_DEBOUNCE_MS: String(DEBOUNCE_MS),
    STOCK_FEED_MAX_STALENESS_MS: "3000",
  });
  gateway = system.gatewayUrl;
  for (const sku of SKUS)
    await execute(gateway, CREATE_PRODUCT, { sku, name: sku, warehouse: "AMS1", quantity: 2_000 });
}, 120_000);

afterAll(async () => {
  await system?.dispose();
  await shop?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Available-to-promise at AMS1, as inventory answers it. */
async function availableToPromise(sku: string): Promise<number> {
  const { product } = await execute(gateway, PRODUCT_STOCK, { sku });
  const level = product?.stock.find((stock) => stock.warehouse === "AMS1");
  if (!level) throw new Error(`${sku} has no stock at AMS1`);
  return level.available;
}

const inShop = (sku: string) => shop.available.get(`${ITEMS[sku] ?? ""}@${LOCATION}`);

/** Waits until the shop shows inventory's available-to-promise for every SKU. */
async function shopShowsAvailableToPromise(): Promise<Record<string, number>> {
  return waitFor(
    async () => {
      const expected: Record<string, number> = {};
      for (const sku of SKUS) expected[sku] = await availableToPromise(sku);
      return SKUS.every((sku) => inShop(sku) === expected[sku]) && expected;
    },
    { description: "the shop's quantities to equal available-to-promise", timeoutMs: 30_000 },
  );
}

describe("the stock feed through the hub", () => {
  it("turns a burst of 1,000 reservations into calls at most one per debounce, the shop ending at available-to-promise", async () => {
    await shopShowsAvailableToPromise();
    const callsBefore = shop.inventorySets.length;
    const customerId = await createCustomer(gateway);
    const started = Date.now();
    // 250 orders of the four SKUs, eight at a time: 1,000 reservations.
    const queue = Array.from({ length: 250 }, (_, index) => index);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (queue.shift() !== undefined)
          await placeWhenSkusKnown(
            gateway,
            customerId,
            SKUS.map((sku) => ({ sku, quantity: 1 })),
          );
      }),
    );
    // Inventory reserves from orders' events: wait for the last reservation, then for the shop.
    await waitFor(
      async () => {
        for (const sku of SKUS) if ((await availableToPromise(sku)) !== 2_000 - 250) return false;
        return true;
      },
      { description: "inventory to reserve all 1,000 units", timeoutMs: 60_000 },
    );
    const expected = await shopShowsAvailableToPromise();
    expect(expected).toEqual(Object.fromEntries(SKUS.map((sku) => [sku, 2_000 - 250])));
    const sets = shop.inventorySets.slice(callsBefore);
    const lastSetAt = Math.max(
      ...shop.requests
        .filter((request) => request.operation === "WaybillInventorySet" && request.status === 200)
        .map((request) => request.at),
    );
    // A call goes once a level has been quiet for the debounce (or waited its staleness), so two
    // calls are never closer than the debounce: the burst's length bounds their number.
    const bound = Math.floor((lastSetAt - started) / DEBOUNCE_MS) + 1;
    expect(sets.length).toBeGreaterThan(0);
    expect(sets.length).toBeLessThanOrEqual(bound);
    expect(sets.length).toBeLessThan(1_000 / 20);
    // Every call carries every SKU that changed since the one before, at its newest level.
    expect(
      sets
        .at(-1)
        ?.quantities.map((quantity) => quantity.inventoryItemId)
        .sort(),
    ).toEqual(Object.values(ITEMS).sort());
  }, 180_000);

  it("sends nothing of an order placed through GraphQL to the shop: its deliveries are skipped, saying why", async () => {
    const { orderId, lineIds } = await placeDemoOrder(gateway, [
      { sku: "SF-MUG", quantity: 2, unitPrice: "10.00", taxRate: "20" },
    ]);
    const shipment = await ship(gateway, orderId, [{ lineId: lineIds[0] ?? "", quantity: 2 }]);
    await issued(gateway, orderId, [shipment]);
    type Delivery = { kind: string; orderId: string; state: string; lastError: string | null };
    const deliveries = await waitFor(
      async () => {
        const { connectors } = await execute<{
          connectors: { name: string; deliveries: Paged<Delivery> }[];
        }>(
          gateway,
          `{ connectors { name deliveries(first: 100) { edges { node { kind orderId state lastError } } } } }`,
        );
        const ours = nodes(connectors[0]?.deliveries ?? { edges: [] }).filter(
          (delivery) => delivery.orderId === orderId,
        );
        return ours.length === 2 && ours.every((delivery) => delivery.state !== "PENDING") && ours;
      },
      { description: "the order's despatch and invoice settled for Shopify", timeoutMs: 30_000 },
    );
    expect(deliveries.map((delivery) => [delivery.kind, delivery.state]).sort()).toEqual([
      ["DESPATCH", "SKIPPED"],
      ["INVOICE", "SKIPPED"],
    ]);
    const despatch = deliveries.find((delivery) => delivery.kind === "DESPATCH");
    expect(despatch?.lastError).toMatch(/came from web, not Shopify/);
    expect(shop.fulfillments).toEqual([]);
    expect(shop.requests.some((request) => request.operation.includes("Fulfillment"))).toBe(false);
  }, 60_000);
});
