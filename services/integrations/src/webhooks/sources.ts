import { afterShipConfig } from "../sources/aftership/config.ts";
import { afterShipSource } from "../sources/aftership/index.ts";
import { easyPostConfig } from "../sources/easypost/config.ts";
import { easyPostSource } from "../sources/easypost/index.ts";
import { shopifyConfig } from "../sources/shopify/config.ts";
import { shopifySource } from "../sources/shopify/index.ts";
import { woocommerceWebhookConfig } from "../sources/woocommerce/config.ts";
import { woocommerceSource } from "../sources/woocommerce/index.ts";
import type { WebhookSource } from "./source.ts";

/**
 * Every outside system that posts webhooks, each reading its own configuration. Carriers without
 * their secret are not offered at all (the gateway then answers 404); Shopify's and WooCommerce's
 * routes stay and answer 503 saying the secret is missing.
 */
export function webhookSources(env: NodeJS.ProcessEnv): WebhookSource[] {
  const aftership = afterShipConfig(env).secret;
  const easypost = easyPostConfig(env).secret;
  return [
    shopifySource(shopifyConfig(env)),
    ...(aftership ? [afterShipSource(aftership)] : []),
    ...(easypost ? [easyPostSource(easypost)] : []),
    woocommerceSource(woocommerceWebhookConfig(env)),
  ];
}
