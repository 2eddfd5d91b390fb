import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@waybill/observability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorsConfig } from "../src/connectors/config.ts";
import { waitSeconds } from "../src/connectors/shopify/client.ts";
import { shopifyConfig } from "../src/connectors/shopify/config.ts";
import { createShopify } from "../src/connectors/shopify/index.ts";
import { shopifyMapping } from "../src/connectors/shopify/mapping.ts";
import { stockFeedConfig } from "../src/stock-feed/jobs.ts";

const MAPPING = {
  channel: "shopify",
  carriers: { UPS: { company: "UPS" } },
  locations: { "WH-1": "gid://shopify/Location/81" },
  inventoryItems: { "SKU-MUG": "gid://shopify/InventoryItem/7001" },
};

let dir: string;
let mappingPath: string;
let tokenPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-shopify-config-"));
  mappingPath = join(dir, "mapping.json");
  tokenPath = join(dir, "token");
  await writeFile(mappingPath, JSON.stringify(MAPPING));
  await writeFile(tokenPath, "shpat_from_file\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base = (): NodeJS.ProcessEnv => ({
  SHOPIFY_SHOP_URL: "https://waybill-test.myshopify.com/",
  SHOPIFY_ADMIN_TOKEN: "shpat_inline",
  SHOPIFY_MAPPING_FILE: mappingPath,
});

describe("Shopify configuration", () => {
  it("is switched on by name and builds the versioned GraphQL endpoint", () => {
    expect(connectorsConfig({ CONNECTORS: "shopify" }).enabled).toEqual(["shopify"]);
    const config = shopifyConfig(base());
    expect(config.endpoint).toBe(
      "https://waybill-test.myshopify.com/admin/api/2026-01/graphql.json",
    );
    expect(config.token()).toBe("shpat_inline");
    expect(config.concurrency).toBe(2);
    expect(config.timeoutMs).toBe(30_000);
    const fromFile = {
      ...base(),
      SHOPIFY_ADMIN_TOKEN: undefined,
      SHOPIFY_ADMIN_TOKEN_FILE: tokenPath,
    };
    expect(shopifyConfig(fromFile).token()).toBe("shpat_from_file");
  });

  it("refuses a missing token, a shop URL with a path and a malformed version, naming the variable", () => {
    expect(() => shopifyConfig({ ...base(), SHOPIFY_ADMIN_TOKEN: undefined })).toThrow(
      /SHOPIFY_ADMIN_TOKEN \(or SHOPIFY_ADMIN_TOKEN_FILE\)/,
    );
    expect(() =>
      shopifyConfig({ ...base(), SHOPIFY_SHOP_URL: "https://shop.myshopify.com/admin" }),
    ).toThrow(/SHOPIFY_SHOP_URL/);
    expect(() => shopifyConfig({ ...base(), SHOPIFY_API_VERSION: "latest" })).toThrow(
      /SHOPIFY_API_VERSION/,
    );
    expect(() => shopifyConfig({ ...base(), SHOPIFY_CONCURRENCY: "0" })).toThrow(
      /SHOPIFY_CONCURRENCY/,
    );
  });

  it("validates the mapping strictly, notifying no customer unless told", () => {
    expect(shopifyMapping.parse(MAPPING)).toMatchObject({ notifyCustomer: false });
    expect(shopifyMapping.safeParse({ ...MAPPING, extra: true }).success).toBe(false);
    expect(
      shopifyMapping.safeParse({ ...MAPPING, locations: { "WH-1": "81" } }).error?.issues[0]
        ?.message,
    ).toContain("gid://shopify/Location/");
    // The mapping-wide restock rule is gone: each return's dispositions decide.
    expect(
      shopifyMapping.safeParse({ ...MAPPING, restock: "RETURN" }).error?.issues[0]?.message,
    ).toContain("restock is no longer read");
    expect(
      shopifyMapping.safeParse({
        ...MAPPING,
        carriers: { UPS: { company: "UPS", trackingUrl: "http://ups.example/track" } },
      }).success,
    ).toBe(false);
  });

  it("stops at start-up on an invalid mapping file, naming SHOPIFY_MAPPING_FILE", async () => {
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ ...MAPPING, channel: "" }));
    expect(() =>
      createShopify(
        shopifyConfig({ ...base(), SHOPIFY_MAPPING_FILE: bad }),
        createLogger("test", "silent"),
      ),
    ).toThrow(/SHOPIFY_MAPPING_FILE: .*channel/);
  });

  it("reads the stock feed's debounce and staleness, with their defaults", () => {
    expect(stockFeedConfig({})).toEqual({ debounceMs: 500, maxStalenessMs: 5_000 });
    expect(stockFeedConfig({ STOCK_FEED_DEBOUNCE_MS: "200" }).debounceMs).toBe(200);
    expect(() => stockFeedConfig({ STOCK_FEED_MAX_STALENESS_MS: "soon" })).toThrow(
      /STOCK_FEED_MAX_STALENESS_MS/,
    );
  });
});

describe("Shopify's cost bucket", () => {
  const status = { maximumAvailable: 1000, currentlyAvailable: 30, restoreRate: 50 };
  it("waits until the bucket holds the next operation's cost, counting what leaked back", () => {
    expect(waitSeconds(status, 20)).toBe(0);
    expect(waitSeconds(status, 130)).toBe(2);
    expect(waitSeconds(status, 130, 1_000)).toBe(1);
    expect(waitSeconds({ ...status, currentlyAvailable: 0 }, 101)).toBe(2.1);
  });
});
