import { parsePayload, recordCarrierEvent } from "../../webhooks/carrier-events.ts";
import type { WebhookSource, WebhookTopic } from "../../webhooks/source.ts";
import { mapEasyPost } from "./mapping.ts";
import { easyPostEvent } from "./payload.ts";
import { isValidEasyPostSignature } from "./signature.ts";

const SOURCE = "easypost";

/** EasyPost `tracker.updated` (and `tracker.created`) events, each carrying the whole Tracker. */
const tracker: WebhookTopic = {
  async handle(delivery) {
    const event = parsePayload(delivery.body, easyPostEvent, "an EasyPost event");
    return recordCarrierEvent(delivery, SOURCE, mapEasyPost(event));
  },
};

/**
 * EasyPost (https://docs.easypost.com/guides/webhooks-guide): `Event` JSON bodies signed with
 * `X-Hmac-Signature: hmac-sha256-hex=<hex>`. Offered only with a secret.
 */
export function easyPostSource(secret: string): WebhookSource {
  return {
    name: SOURCE,
    headers: ["x-hmac-signature"],
    topics: { tracker },
    verify: (body, headers) => isValidEasyPostSignature(secret, body, headers["x-hmac-signature"]),
  };
}
