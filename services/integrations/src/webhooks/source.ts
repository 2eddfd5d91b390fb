import type { Logger } from "@waybill/observability";
import type { Hub } from "../hub/client.ts";
import type { IntegrationsRepository } from "../store/repository.ts";

/** A verified webhook, with only the headers its source declared. */
export interface WebhookDelivery {
  body: Buffer;
  headers: Readonly<Record<string, string>>;
  hub: Hub;
  /** What the integrations service keeps: carrier events handled, Shopify fulfilments seen. */
  repo: IntegrationsRepository;
  logger: Logger;
}

/** What a topic answers: the HTTP reply, and what the receipt records of it. */
export interface WebhookAnswer {
  status: number;
  body: unknown;
  /** SCREAMING_SNAKE: ORDER_PLACED, ALREADY_PLACED, ... */
  outcome: string;
  detail?: string;
  /** What it produced or matched (an order id, a shipment id). */
  reference?: string;
}

/** One kind of webhook of a source: `/webhooks/<source>/<topic>`. */
export interface WebhookTopic {
  /** Handles a verified delivery; throws an HttpError for what it refuses. */
  handle(delivery: WebhookDelivery): Promise<WebhookAnswer>;
}

/**
 * An outside system that posts webhooks. Each lives in its own folder under `sources/` with its
 * signature check and mapping; adding one touches that folder and the list in `sources.ts`.
 */
export interface WebhookSource {
  /** The path segment: `/webhooks/<name>/...`. */
  name: string;
  /** Request headers the source's adapter reads (lowercase); the gateway forwards these only. */
  headers: readonly string[];
  topics: Readonly<Record<string, WebhookTopic>>;
  /**
   * Whether the body was signed by the source: true, false, or why it cannot be checked (no
   * secret configured), which disables the source's webhooks.
   */
  verify(body: Buffer, headers: Readonly<Record<string, string>>): boolean | { disabled: string };
  /**
   * Whether an unsigned delivery is only the source checking the URL answers (WooCommerce pings a
   * webhook's URL when it is saved): answered 200 and kept nowhere.
   */
  isPing?(body: Buffer, headers: Readonly<Record<string, string>>): boolean;
}
