import { shopifyConfig } from "../sources/shopify/config.ts";
import { shopifySource } from "../sources/shopify/index.ts";
import type { WebhookSource } from "./source.ts";

/** Every outside system that posts webhooks, each reading its own configuration. */
export function webhookSources(env: NodeJS.ProcessEnv): WebhookSource[] {
  return [shopifySource(shopifyConfig(env))];
}
