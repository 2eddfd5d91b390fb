import { parsePayload, recordCarrierEvent } from "../../webhooks/carrier-events.ts";
import type { WebhookSource, WebhookTopic } from "../../webhooks/source.ts";
import { mapAfterShip } from "./mapping.ts";
import { afterShipWebhook } from "./payload.ts";
import { isValidAfterShipSignature } from "./signature.ts";

const SOURCE = "aftership";

/** AfterShip tracking updates: one webhook per tracking change, with its tag and checkpoints. */
const tracking: WebhookTopic = {
  async handle(delivery) {
    const webhook = parsePayload(delivery.body, afterShipWebhook, "an AfterShip tracking webhook");
    return recordCarrierEvent(delivery, SOURCE, mapAfterShip(webhook));
  },
};

/**
 * AfterShip (https://www.aftership.com/docs/tracking/2025-01/webhook/webhook-specifications):
 * JSON bodies signed with `aftership-hmac-sha256`, the base64 HMAC-SHA256 of the raw body under
 * the webhook secret. Offered only with a secret.
 */
export function afterShipSource(secret: string): WebhookSource {
  return {
    name: SOURCE,
    headers: ["aftership-hmac-sha256"],
    topics: { tracking },
    verify: (body, headers) =>
      isValidAfterShipSignature(secret, body, headers["aftership-hmac-sha256"]),
  };
}
