// `npm run bench:stock-feed`: what the stock feed's coalescing saves a storefront, and what it
// costs the hub. The whole hub runs against the test shop (the Shopify connector as the stock
// sink) three times, one after the other on this machine: without a storefront, with the feed as
// configured by default (500 ms debounce, 5 s staleness), and with the feed as close to one call
// per change as it goes (1 ms). Each time the same burst of orders reserves stock through the
// gateway; the clock and the CPU meter run from the first order until the shop shows inventory's
// available-to-promise for every SKU.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { startTestShopify } from "../services/integrations/test/support/shopify-admin-server.ts";
import { PRODUCT_STOCK } from "../test/documents/inventory.ts";
import { startHub } from "./lib/hub.ts";
import { loadAverage, machineReport } from "./lib/machine.ts";
import { cpuMeter } from "./lib/procs.ts";
import { execute } from "./lib/graphql.ts";
import { table, writeSection } from "./lib/results.ts";
import { createCustomer, createProduct, inParallel, placeOrder, WAREHOUSE } from "./lib/seed.ts";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 500);
const SKUS = ["SB-MUG", "SB-TEE", "SB-CAP", "SB-PEN"];
const LOCATION = "gid://shopify/Location/81";
const ITEMS = Object.fromEntries(
  SKUS.map((sku, index) => [sku, `gid://shopify/InventoryItem/${9101 + index}`]),
);
const STOCK = ORDERS * 2;

type Variant = { name: string; feed: { debounceMs: number; maxStalenessMs: number } | null };

const VARIANTS: Variant[] = [
  { name: "no storefront", feed: null },
  { name: "feed, 500 ms debounce (default)", feed: { debounceMs: 500, maxStalenessMs: 5_000 } },
  { name: "feed, 1 ms debounce", feed: { debounceMs: 1, maxStalenessMs: 1 } },
];

type Row = {
  name: string;
  changes: number;
  calls: number;
  levelsSent: number;
  seconds: number;
  integrationsCpu: number;
  hubCpu: number;
};

async function measure(variant: Variant): Promise<Row> {
  const dir = await mkdtemp(join(tmpdir(), "waybill-bench-stock-"));
  const shop = await startTestShopify();
  const mappingPath = join(dir, "shopify-mapping.json");
  await writeFile(
    mappingPath,
    JSON.stringify({
      channel: "shopify",
      carriers: {},
      locations: { [WAREHOUSE]: LOCATION },
      inventoryItems: ITEMS,
    }),
  );
  const hub = await startHub(
    variant.feed
      ? {
          CONNECTORS: "shopify",
          SHOPIFY_SHOP_URL: shop.url,
          SHOPIFY_ADMIN_TOKEN: shop.token,
          SHOPIFY_MAPPING_FILE: mappingPath,
          STOCK_FEED_DEBOUNCE_MS: String(variant.feed.debounceMs),
          STOCK_FEED_MAX_STALENESS_MS: String(variant.feed.maxStalenessMs),
        }
      : {},
  );
  try {
    const api = hub.gateway;
    for (const sku of SKUS) await createProduct(api, sku, STOCK);
    const customerId = await createCustomer(api);
    const available = async (sku: string) => {
      const { product } = await execute(api, PRODUCT_STOCK, { sku });
      return product?.stock.find((stock) => stock.warehouse === WAREHOUSE)?.available;
    };
    const inShop = (sku: string) => shop.available.get(`${ITEMS[sku] ?? ""}@${LOCATION}`);
    // The products' first levels reach the shop before the clock starts.
    if (variant.feed)
      await waitFor(() => SKUS.every((sku) => inShop(sku) === STOCK), {
        description: "the first levels in the shop",
        timeoutMs: 30_000,
      });
    const callsBefore = shop.inventorySets.length;
    const levelsBefore = shop.inventorySets.reduce((sum, set) => sum + set.quantities.length, 0);
    const meter = cpuMeter(hub.processes());
    const started = performance.now();
    await inParallel(
      Array.from({ length: ORDERS }, (_, index) => index),
      8,
      () => placeOrder(api, customerId, SKUS, 1),
    );
    const final = STOCK - ORDERS;
    await waitFor(
      async () => {
        for (const sku of SKUS) if ((await available(sku)) !== final) return false;
        return !variant.feed || SKUS.every((sku) => inShop(sku) === final);
      },
      { description: "every reservation made and in the shop", timeoutMs: 600_000, intervalMs: 20 },
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = meter();
    const hubCpu = [...cpu]
      .filter(([label]) => label !== "bench (load generator)")
      .reduce((total, [, used]) => total + used, 0);
    const sets = shop.inventorySets.slice(callsBefore);
    return {
      name: variant.name,
      changes: ORDERS * SKUS.length,
      calls: sets.length,
      levelsSent:
        shop.inventorySets.reduce((sum, set) => sum + set.quantities.length, 0) - levelsBefore,
      seconds,
      integrationsCpu: cpu.get("integrations") ?? 0,
      hubCpu,
    };
  } finally {
    await hub.stop();
    await shop.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const loadBefore = loadAverage();
const rows: Row[] = [];
for (const variant of VARIANTS) {
  rows.push(await measure(variant));
  console.log(JSON.stringify(rows.at(-1)));
}

const baseline = rows[0];
const ms = (seconds: number) => (1000 * seconds).toFixed(0);
const per = (seconds: number, count: number) =>
  count === 0 ? "–" : ((1000 * seconds) / count).toFixed(3);
await writeSection(
  "stock-feed",
  [
    "## Stock feed: calls saved by coalescing, and the hub's CPU per update",
    "",
    await machineReport(),
    `- load average before: ${loadBefore}; after: ${loadAverage()}`,
    "",
    `\`npm run bench:stock-feed\` (\`BENCH_ORDERS\`, default 500). The whole hub runs three times`,
    `against the test shop: without a storefront, then with the Shopify connector as the stock sink`,
    `at the default debounce and at 1 ms. Each run places ${ORDERS} orders of ${SKUS.length} SKUs`,
    `through the gateway, eight at a time: ${ORDERS * SKUS.length} reservations, each an`,
    "`inventory.stock_level.changed` event the feed keeps. The window runs from the first order",
    "until the shop shows inventory's available-to-promise for every SKU. The feed's own CPU is the",
    "integrations service's above the run without a storefront; an update is one level the shop set.",
    "",
    table(
      [
        "run",
        "stock changes",
        "shop calls",
        "calls saved vs one per change",
        "levels set in the shop",
        "seconds",
        "integrations CPU ms",
        "feed CPU ms (above no storefront)",
        "feed CPU ms per change",
        "feed CPU ms per delivered update",
      ],
      rows.map((row) => {
        const feedCpu = row.integrationsCpu - (baseline?.integrationsCpu ?? 0);
        const storefront = row !== baseline;
        return [
          row.name,
          row.changes,
          storefront ? row.calls : "–",
          storefront ? `${(100 * (1 - row.calls / row.changes)).toFixed(1)} %` : "–",
          storefront ? row.levelsSent : "–",
          row.seconds.toFixed(1),
          ms(row.integrationsCpu),
          storefront ? ms(feedCpu) : "–",
          storefront ? per(feedCpu, row.changes) : "–",
          storefront ? per(feedCpu, row.levelsSent) : "–",
        ];
      }),
    ),
  ].join("\n"),
);
