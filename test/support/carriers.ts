// The carriers' side of milestone intake: webhooks in each source's documented shape, signed as
// each source signs them, posted to the gateway.
import { createHmac } from "node:crypto";

export interface Posted {
  status: number;
  body: Record<string, unknown>;
}

async function post(
  gateway: string,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<Posted> {
  const response = await fetch(new URL(path, gateway), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * An AfterShip tracking webhook
 * (https://www.aftership.com/docs/tracking/2025-01/webhook/webhook-specifications), signed with
 * `aftership-hmac-sha256`: base64 HMAC-SHA256 of the body under the webhook secret.
 */
export function postAfterShip(
  gateway: string,
  secret: string,
  update: {
    eventId: string;
    slug: string;
    trackingNumber: string;
    tag: string;
    subtag: string;
    at: Date;
    signedBy?: string;
  },
  signature?: string,
): Promise<Posted> {
  const at = update.at.toISOString();
  const body = JSON.stringify({
    event: "tracking_update",
    event_id: update.eventId,
    is_tracking_first_tag: true,
    msg: {
      tracking_number: update.trackingNumber,
      slug: update.slug,
      tag: update.tag,
      subtag: update.subtag,
      subtag_message: update.tag,
      signed_by: update.signedBy ?? null,
      updated_at: at,
      checkpoints: [
        {
          checkpoint_time: at,
          tag: update.tag,
          subtag: update.subtag,
          message: `${update.tag} scan`,
          location: "Amsterdam, NL",
        },
      ],
    },
    ts: Math.floor(update.at.getTime() / 1000),
  });
  return post(gateway, "/webhooks/aftership/tracking", body, {
    "aftership-hmac-sha256":
      signature ?? createHmac("sha256", secret).update(body).digest("base64"),
  });
}

/**
 * An EasyPost `tracker.updated` Event (https://docs.easypost.com/docs/events,
 * https://docs.easypost.com/docs/trackers), signed with `X-Hmac-Signature: hmac-sha256-hex=<hex>`
 * under the NFKD-normalised secret (https://docs.easypost.com/guides/webhooks-guide).
 */
export function postEasyPost(
  gateway: string,
  secret: string,
  update: {
    id: string;
    carrier: string;
    trackingCode: string;
    status: string;
    statusDetail: string;
    at: Date;
  },
): Promise<Posted> {
  const at = update.at.toISOString();
  const body = JSON.stringify({
    id: update.id,
    object: "Event",
    description: "tracker.updated",
    mode: "test",
    result: {
      object: "Tracker",
      tracking_code: update.trackingCode,
      carrier: update.carrier,
      status: update.status,
      status_detail: update.statusDetail,
      signed_by: null,
      updated_at: at,
      tracking_details: [
        {
          object: "TrackingDetail",
          message: "Return to sender processed",
          status: update.status,
          status_detail: update.statusDetail,
          datetime: at,
          tracking_location: { city: "UTRECHT", state: null, country: "NL", zip: "3511" },
        },
      ],
    },
    created_at: at,
    updated_at: at,
  });
  const key = Buffer.from(secret.normalize("NFKD"), "utf8");
  return post(gateway, "/webhooks/easypost/tracker", body, {
    "x-hmac-signature": `hmac-sha256-hex=${createHmac("sha256", key).update(body).digest("hex")}`,
  });
}

/**
 * A Shopify fulfilment webhook (https://shopify.dev/docs/apps/build/webhooks/subscribe/https):
 * `fulfillments/update` with the REST Fulfillment resource, or `fulfillment_events/create` with
 * the REST FulfillmentEvent resource, signed with `X-Shopify-Hmac-Sha256`.
 */
export function postShopifyFulfillment(
  gateway: string,
  secret: string,
  topic: "fulfillments/update" | "fulfillment_events/create",
  payload: Record<string, unknown>,
): Promise<Posted> {
  const body = JSON.stringify(payload);
  return post(gateway, `/webhooks/shopify/${topic.replaceAll(/[/_]/g, "-")}`, body, {
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": "waybill-test.myshopify.com",
    "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
  });
}
