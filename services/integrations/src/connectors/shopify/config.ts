import { readConfig } from "@waybill/config";
import { z } from "zod";
import { credentialFromEnv } from "../credentials.ts";

/** A stable version of the GraphQL Admin API with `@idempotent` on `refundCreate`. */
export const SHOPIFY_DEFAULT_API_VERSION = "2026-01";

/** The Shopify connector's settings; read only when `CONNECTORS` names it. */
export function shopifyConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      SHOPIFY_SHOP_URL: z
        .url("SHOPIFY_SHOP_URL must be the shop's URL, for example https://my-shop.myshopify.com")
        .refine((url) => /^https?:\/\/[^/]+\/?$/.test(url), {
          message: "SHOPIFY_SHOP_URL must be the shop's URL only (https://{shop}.myshopify.com)",
        }),
      SHOPIFY_API_VERSION: z
        .string()
        .regex(/^\d{4}-(01|04|07|10)$/, "SHOPIFY_API_VERSION must be a release such as 2026-01")
        .default(SHOPIFY_DEFAULT_API_VERSION),
      SHOPIFY_MAPPING_FILE: z.string({ message: "SHOPIFY_MAPPING_FILE is required" }).min(1),
      SHOPIFY_TIMEOUT_SECONDS: z.coerce
        .number({ message: "SHOPIFY_TIMEOUT_SECONDS must be a number" })
        .positive("SHOPIFY_TIMEOUT_SECONDS must be above 0")
        .default(30),
      SHOPIFY_CONCURRENCY: z.coerce
        .number({ message: "SHOPIFY_CONCURRENCY must be a number" })
        .int("SHOPIFY_CONCURRENCY must be a whole number")
        .positive("SHOPIFY_CONCURRENCY must be above 0")
        .default(2),
    },
    env,
  );
  return {
    /** The shop's GraphQL Admin API endpoint. */
    endpoint: `${config.SHOPIFY_SHOP_URL.replace(/\/+$/, "")}/admin/api/${config.SHOPIFY_API_VERSION}/graphql.json`,
    mappingFile: config.SHOPIFY_MAPPING_FILE,
    timeoutMs: config.SHOPIFY_TIMEOUT_SECONDS * 1_000,
    concurrency: config.SHOPIFY_CONCURRENCY,
    /** The custom app's Admin API access token, sent as `X-Shopify-Access-Token`. */
    token: credentialFromEnv(env, "SHOPIFY_ADMIN_TOKEN", "shopify"),
  };
}

export type ShopifyConnectorConfig = ReturnType<typeof shopifyConfig>;
