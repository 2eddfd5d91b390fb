import { readConfig } from "@waybill/config";
import { z } from "zod";

/** WooCommerce webhook settings, read once at start. No secret means the endpoints answer 503. */
export interface WoocommerceWebhookConfig {
  secret: string | null;
}

export function woocommerceWebhookConfig(env: NodeJS.ProcessEnv): WoocommerceWebhookConfig {
  const config = readConfig(
    {
      WOOCOMMERCE_WEBHOOK_SECRET: z
        .string()
        .min(16, "WOOCOMMERCE_WEBHOOK_SECRET must be the webhooks' secret (16 characters or more)")
        .optional(),
    },
    env,
  );
  return { secret: config.WOOCOMMERCE_WEBHOOK_SECRET ?? null };
}
