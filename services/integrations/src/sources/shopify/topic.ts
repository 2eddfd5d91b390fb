import { HttpError } from "@waybill/http";
import { parsePayload } from "../../webhooks/carrier-events.ts";
import type { WebhookDelivery } from "../../webhooks/source.ts";
import type { ZodType } from "zod";
import { parseJsonKeepingIds } from "./payload.ts";

/** Refuses a delivery whose `X-Shopify-Topic` is not one this endpoint takes (400). */
export function expectTopic(delivery: WebhookDelivery, topics: readonly string[]): void {
  const topic = delivery.headers["x-shopify-topic"];
  if (topic !== undefined && !topics.includes(topic))
    throw new HttpError(
      400,
      "WRONG_TOPIC",
      `this endpoint takes ${topics.join(" or ")}, not ${topic}`,
    );
}

/** The delivery's body in `schema`'s shape, Shopify's 64-bit ids kept exact; 400 otherwise. */
export function shopifyPayload<T>(delivery: WebhookDelivery, schema: ZodType<T>, what: string): T {
  return parsePayload(delivery.body, schema, what, parseJsonKeepingIds);
}
