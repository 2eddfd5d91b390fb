import { readConfig } from "@waybill/config";
import { z } from "zod";

/** Shopify webhook settings, read once at start. No secret means the endpoint is disabled (503). */
export interface ShopifyConfig {
  secret: string | null;
}

export function shopifyConfig(env: NodeJS.ProcessEnv): ShopifyConfig {
  const config = readConfig(
    {
      SHOPIFY_WEBHOOK_SECRET: z
        .string()
        .min(16, "SHOPIFY_WEBHOOK_SECRET must be the app's webhook secret (16 characters or more)")
        .optional(),
    },
    env,
  );
  return { secret: config.SHOPIFY_WEBHOOK_SECRET ?? null };
}
