import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@waybill/observability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorsConfig } from "../src/connectors/config.ts";
import { woocommerceConfig } from "../src/connectors/woocommerce/config.ts";
import { createWoocommerce } from "../src/connectors/woocommerce/index.ts";
import { woocommerceMapping } from "../src/connectors/woocommerce/mapping.ts";
import { woocommerceWebhookConfig } from "../src/sources/woocommerce/config.ts";

const MAPPING = {
  channel: "woocommerce",
  carriers: { UPS: { name: "UPS" } },
  warehouse: "AMS1",
  products: { "SKU-MUG": { product: 93 }, "SKU-TEE-L": { product: 40, variation: 41 } },
  apiRefund: true,
};

let dir: string;
let mappingPath: string;
let secretPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-woocommerce-config-"));
  mappingPath = join(dir, "mapping.json");
  secretPath = join(dir, "secret");
  await writeFile(mappingPath, JSON.stringify(MAPPING));
  await writeFile(secretPath, "cs_from_file\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base = (): NodeJS.ProcessEnv => ({
  WOOCOMMERCE_URL: "https://shop.example.com/",
  WOOCOMMERCE_CONSUMER_KEY: "ck_inline",
  WOOCOMMERCE_CONSUMER_SECRET_FILE: secretPath,
  WOOCOMMERCE_MAPPING_FILE: mappingPath,
});

describe("WooCommerce connector configuration", () => {
  it("reads the store, the keys (inline or from a file) and the defaults", () => {
    const config = woocommerceConfig(base());
    expect(config).toMatchObject({
      apiRoot: "https://shop.example.com/wp-json/wc/v3",
      timeoutMs: 30_000,
      concurrency: 2,
      queryStringAuth: false,
    });
    expect(config.consumerKey()).toBe("ck_inline");
    expect(config.consumerSecret()).toBe("cs_from_file");
    expect(connectorsConfig({ CONNECTORS: "woocommerce" }).enabled).toEqual(["woocommerce"]);
    expect(createWoocommerce(config, createLogger("test", "silent")).connector).toMatchObject({
      name: "woocommerce",
      maxBatch: 100,
    });
  });

  it("fails fast naming the variable", () => {
    expect(() =>
      woocommerceConfig({ ...base(), WOOCOMMERCE_URL: "http://shop.example.com" }),
    ).toThrow(/WOOCOMMERCE_URL must be https/);
    expect(woocommerceConfig({ ...base(), WOOCOMMERCE_URL: "http://127.0.0.1:8080" }).apiRoot).toBe(
      "http://127.0.0.1:8080/wp-json/wc/v3",
    );
    expect(() => woocommerceConfig({ ...base(), WOOCOMMERCE_CONSUMER_KEY: undefined })).toThrow(
      /WOOCOMMERCE_CONSUMER_KEY/,
    );
    expect(() => woocommerceConfig({ ...base(), WOOCOMMERCE_QUERY_STRING_AUTH: "yes" })).toThrow(
      /WOOCOMMERCE_QUERY_STRING_AUTH must be true or false/,
    );
    expect(() => woocommerceConfig({ ...base(), WOOCOMMERCE_MAPPING_FILE: undefined })).toThrow(
      /WOOCOMMERCE_MAPPING_FILE/,
    );
    expect(() => woocommerceWebhookConfig({ WOOCOMMERCE_WEBHOOK_SECRET: "short" })).toThrow(
      /WOOCOMMERCE_WEBHOOK_SECRET/,
    );
    expect(woocommerceWebhookConfig({}).secret).toBeNull();
  });

  it("validates the mapping: no defaults, ids as positive integers, https tracking pages", () => {
    expect(woocommerceMapping.safeParse(MAPPING).success).toBe(true);
    const withoutRefund: Partial<typeof MAPPING> = { ...MAPPING };
    delete withoutRefund.apiRefund;
    expect(woocommerceMapping.safeParse(withoutRefund).success).toBe(false);
    expect(
      woocommerceMapping.safeParse({ ...MAPPING, products: { "SKU-MUG": { product: "93" } } })
        .success,
    ).toBe(false);
    expect(
      woocommerceMapping.safeParse({
        ...MAPPING,
        carriers: { UPS: { name: "UPS", trackingUrl: "http://ups.com/{trackingNumber}" } },
      }).success,
    ).toBe(false);
  });
});
