import { readConfig } from "@waybill/config";
import { z } from "zod";
import { credentialFromEnv } from "../credentials.ts";

/** Plain HTTP only to this machine (a test store): keys travel in the clear otherwise. */
const LOCAL = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?$/;

/** The WooCommerce connector's settings; read only when `CONNECTORS` names it. */
export function woocommerceConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      WOOCOMMERCE_URL: z
        .url("WOOCOMMERCE_URL must be the store's URL, for example https://shop.example.com")
        .refine((url) => url.startsWith("https://") || LOCAL.test(url), {
          message:
            "WOOCOMMERCE_URL must be https: the REST API's keys go as HTTP Basic auth, which WooCommerce takes over HTTPS only",
        }),
      WOOCOMMERCE_MAPPING_FILE: z
        .string({ message: "WOOCOMMERCE_MAPPING_FILE is required" })
        .min(1),
      WOOCOMMERCE_TIMEOUT_SECONDS: z.coerce
        .number({ message: "WOOCOMMERCE_TIMEOUT_SECONDS must be a number" })
        .positive("WOOCOMMERCE_TIMEOUT_SECONDS must be above 0")
        .default(30),
      WOOCOMMERCE_CONCURRENCY: z.coerce
        .number({ message: "WOOCOMMERCE_CONCURRENCY must be a number" })
        .int("WOOCOMMERCE_CONCURRENCY must be a whole number")
        .positive("WOOCOMMERCE_CONCURRENCY must be above 0")
        .default(2),
      WOOCOMMERCE_QUERY_STRING_AUTH: z
        .enum(["true", "false"], { message: "WOOCOMMERCE_QUERY_STRING_AUTH must be true or false" })
        .default("false"),
    },
    env,
  );
  return {
    /** The REST API v3 root: `{store}/wp-json/wc/v3`. */
    apiRoot: `${config.WOOCOMMERCE_URL.replace(/\/+$/, "")}/wp-json/wc/v3`,
    mappingFile: config.WOOCOMMERCE_MAPPING_FILE,
    timeoutMs: config.WOOCOMMERCE_TIMEOUT_SECONDS * 1_000,
    concurrency: config.WOOCOMMERCE_CONCURRENCY,
    /**
     * Keys as `consumer_key`/`consumer_secret` query parameters instead of the Authorization
     * header, for servers that drop that header before PHP sees it (the docs' own workaround).
     */
    queryStringAuth: config.WOOCOMMERCE_QUERY_STRING_AUTH === "true",
    consumerKey: credentialFromEnv(env, "WOOCOMMERCE_CONSUMER_KEY", "woocommerce"),
    consumerSecret: credentialFromEnv(env, "WOOCOMMERCE_CONSUMER_SECRET", "woocommerce"),
  };
}

export type WoocommerceConnectorConfig = ReturnType<typeof woocommerceConfig>;
