import { readConfig } from "@waybill/config";
import { z } from "zod";
import { credentialFromEnv } from "../credentials.ts";

/** Magento's own timestamp form, in UTC: `updated_at` is compared as this text. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The Magento connector's settings; read only when `CONNECTORS` names it. */
export function magentoConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      MAGENTO_URL: z
        .url("MAGENTO_URL must be the store's base URL, for example https://shop.example.com")
        .refine((url) => !/\/rest\/?/.test(url), {
          message: "MAGENTO_URL must be the base URL, without /rest",
        }),
      /** Empty: the default store view's `/rest/V1`; else `/rest/{code}/V1`. */
      MAGENTO_STORE_CODE: z
        .string()
        .regex(/^[a-z0-9_]*$/, "MAGENTO_STORE_CODE must be a store view code such as default")
        .default(""),
      MAGENTO_MAPPING_FILE: z.string({ message: "MAGENTO_MAPPING_FILE is required" }).min(1),
      MAGENTO_ORDERS_SINCE: z
        .string({
          message: "MAGENTO_ORDERS_SINCE is required: the updated_at the first pull starts from",
        })
        .regex(
          TIMESTAMP,
          "MAGENTO_ORDERS_SINCE must be a UTC time as Magento writes it (2026-12-01 00:00:00)",
        ),
      MAGENTO_PAGE_SIZE: z.coerce
        .number({ message: "MAGENTO_PAGE_SIZE must be a number" })
        .int("MAGENTO_PAGE_SIZE must be a whole number")
        .min(1, "MAGENTO_PAGE_SIZE must be at least 1")
        .max(300, "MAGENTO_PAGE_SIZE must be at most 300")
        .default(50),
      MAGENTO_PULL_SECONDS: z.coerce
        .number({ message: "MAGENTO_PULL_SECONDS must be a number" })
        .positive("MAGENTO_PULL_SECONDS must be above 0")
        .default(10),
      MAGENTO_TIMEOUT_SECONDS: z.coerce
        .number({ message: "MAGENTO_TIMEOUT_SECONDS must be a number" })
        .positive("MAGENTO_TIMEOUT_SECONDS must be above 0")
        .default(30),
      MAGENTO_CONCURRENCY: z.coerce
        .number({ message: "MAGENTO_CONCURRENCY must be a number" })
        .int("MAGENTO_CONCURRENCY must be a whole number")
        .positive("MAGENTO_CONCURRENCY must be above 0")
        .default(2),
    },
    env,
  );
  const store = config.MAGENTO_STORE_CODE ? `/${config.MAGENTO_STORE_CODE}` : "";
  return {
    /** The REST API's root: `{base}/rest[/{store}]/V1`. */
    endpoint: `${config.MAGENTO_URL.replace(/\/+$/, "")}/rest${store}/V1`,
    mappingFile: config.MAGENTO_MAPPING_FILE,
    ordersSince: config.MAGENTO_ORDERS_SINCE,
    pageSize: config.MAGENTO_PAGE_SIZE,
    /** Time between pulls, unless the last one read a full page. */
    pullMs: config.MAGENTO_PULL_SECONDS * 1_000,
    timeoutMs: config.MAGENTO_TIMEOUT_SECONDS * 1_000,
    concurrency: config.MAGENTO_CONCURRENCY,
    /** The integration's access token, sent as `Authorization: Bearer`. */
    token: credentialFromEnv(env, "MAGENTO_ACCESS_TOKEN", "magento"),
  };
}

export type MagentoConnectorConfig = ReturnType<typeof magentoConfig>;
