import type { Server } from "node:http";
import { randomBytes } from "node:crypto";
import { openTestStore, type TestStore } from "@waybill/devtools";
import { boundPort, closeServer, HttpError, listen, sendFailure } from "@waybill/http";
import { createLogger } from "@waybill/observability";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hubClient } from "../src/hub/client.ts";
import { afterShipSignature } from "../src/sources/aftership/signature.ts";
import { easyPostSignature } from "../src/sources/easypost/signature.ts";
import { shopifySignature } from "../src/sources/shopify/signature.ts";
import { integrationsRepository, prepareIntegrationsStore } from "../src/store/repository.ts";
import { webhookRoutes } from "../src/webhooks/route.ts";
import { webhookSources } from "../src/webhooks/sources.ts";
import {
  afterShipJson,
  easyPostJson,
  shopifyFulfillmentEventJson,
  shopifyFulfillmentJson,
} from "./fixtures/carriers.ts";
import { startTestHub, type TestHub } from "./fixtures/hub.ts";

// Real HTTP requests to the webhook routes, bodies in each source's documented shape:
// AfterShip https://www.aftership.com/docs/tracking/2025-01/webhook/webhook-specifications,
// EasyPost https://docs.easypost.com/guides/webhooks-guide and https://docs.easypost.com/docs/events,
// Shopify https://shopify.dev/docs/apps/build/webhooks/subscribe/https with the REST Fulfillment and
// FulfillmentEvent resources.
const SECRETS = {
  AFTERSHIP_WEBHOOK_SECRET: "aftership-test-secret-0123456789",
  EASYPOST_WEBHOOK_SECRET: "easypost-test-secret-0123456789",
  SHOPIFY_WEBHOOK_SECRET: "shopify-test-secret-0123456789",
};
const AT = "2026-11-03T14:30:00+01:00";
const signingKey = randomBytes(32);
const logger = createLogger("integrations-test", "silent");
let hub: TestHub;
let store: TestStore;
let server: Server;
let base: string;

async function serve(env: NodeJS.ProcessEnv = SECRETS) {
  const routes = webhookRoutes(webhookSources(env), {
    repo: integrationsRepository(store.store),
    hub: hubClient(hub.url, signingKey),
    logger,
  });
  server = await listen(
    async (req, res) => {
      try {
        const route = routes[(req.url ?? "").split("?")[0] ?? ""];
        if (!route) throw new HttpError(404, "NOT_FOUND", "no such webhook");
        await route(req, res);
      } catch (error) {
        sendFailure(res, error, "plain", () => undefined);
      }
    },
    0,
    "127.0.0.1",
  );
  base = `http://127.0.0.1:${boundPort(server)}`;
}

beforeEach(async () => {
  hub = await startTestHub(signingKey);
  store = await openTestStore("integrations");
  await prepareIntegrationsStore(store.store);
});
afterEach(async () => {
  await closeServer(server);
  await hub.close();
  await store.close();
});

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

const postAfterShip = (body: string, signature?: string) =>
  post("/webhooks/aftership/tracking", body, {
    "aftership-hmac-sha256":
      signature ?? afterShipSignature(SECRETS.AFTERSHIP_WEBHOOK_SECRET, Buffer.from(body)),
  });
const postEasyPost = (body: string, signature?: string) =>
  post("/webhooks/easypost/tracker", body, {
    "x-hmac-signature":
      signature ?? easyPostSignature(SECRETS.EASYPOST_WEBHOOK_SECRET, Buffer.from(body)),
  });
const postShopify = (topicPath: string, topic: string, body: string, signature?: string) =>
  post(`/webhooks/shopify/${topicPath}`, body, {
    "x-shopify-topic": topic,
    "x-shopify-hmac-sha256":
      signature ?? shopifySignature(SECRETS.SHOPIFY_WEBHOOK_SECRET, Buffer.from(body)),
  });

const receipts = () =>
  integrationsRepository(store.store).receiptsPage(null, { first: 50, after: null });
const inputs = () => hub.calls.map((call) => call.variables["input"]);

const delivered = (eventId = "0c9a7f55-6a8e-4a59-9d5e-0f3c3b1d2a11", signedBy = "J. SMITH") =>
  afterShipJson({
    eventId,
    trackingNumber: "1Z9999999999999998",
    tag: "Delivered",
    subtag: "Delivered_001",
    at: AT,
    signedBy,
  });

describe("carrier webhooks over HTTP", () => {
  it("AfterShip: 200 with DELIVERED and PROOF_OF_DELIVERY sent as a carrier; the same event again is DUPLICATE", async () => {
    await serve();
    const first = await postAfterShip(delivered());
    expect(first).toMatchObject({
      status: 200,
      body: { outcome: "MILESTONE_RECORDED", milestones: ["DELIVERED", "PROOF_OF_DELIVERY"] },
    });
    expect(hub.calls.map((call) => call.principal)).toEqual([
      { subject: "service:integrations", role: "carrier", scopes: ["milestones:write"] },
      { subject: "service:integrations", role: "carrier", scopes: ["milestones:write"] },
    ]);
    expect(inputs()).toEqual([
      expect.objectContaining({
        carrier: "ups",
        trackingNumber: "1Z9999999999999998",
        type: "DELIVERED",
        occurredAt: AT,
        signedBy: null,
      }),
      expect.objectContaining({ type: "PROOF_OF_DELIVERY", signedBy: "J. SMITH" }),
    ]);

    const again = await postAfterShip(delivered());
    expect(again).toMatchObject({ status: 200, body: { outcome: "DUPLICATE" } });
    expect(hub.calls).toHaveLength(2);
    const kept = await receipts();
    expect(kept.map((receipt) => receipt.outcome).sort()).toEqual([
      "DUPLICATE",
      "MILESTONE_RECORDED",
    ]);
    expect(kept[0]?.payload).toBe(delivered());
  });

  it("refuses a tampered or missing signature with 401 for every source, asking nothing and keeping nothing", async () => {
    await serve();
    const signature = afterShipSignature(
      SECRETS.AFTERSHIP_WEBHOOK_SECRET,
      Buffer.from(delivered()),
    );
    const tampered = delivered().replace("J. SMITH", "A. FORGER");
    expect(await postAfterShip(tampered, signature)).toMatchObject({
      status: 401,
      body: { error: { code: "INVALID_SIGNATURE" } },
    });
    expect((await postAfterShip(delivered(), "")).status).toBe(401);
    const event = easyPostJson({
      id: "evt_1",
      trackingCode: "9400110898825022579493",
      status: "delivered",
      statusDetail: "arrived_at_destination",
      at: AT,
    });
    const easySignature = easyPostSignature(SECRETS.EASYPOST_WEBHOOK_SECRET, Buffer.from(event));
    expect(
      (
        await postEasyPost(
          event.replace("9400110898825022579493", "9400110898825022579494"),
          easySignature,
        )
      ).status,
    ).toBe(401);
    const fulfillment = shopifyFulfillmentJson({
      id: 1,
      trackingNumber: "1Z1",
      shipmentStatus: "delivered",
      at: AT,
    });
    expect(
      (await postShopify("fulfillments-update", "fulfillments/update", fulfillment, "bm9wZQ=="))
        .status,
    ).toBe(401);
    expect(hub.calls).toEqual([]);
    expect(await receipts()).toEqual([]);
  });

  it("answers 400 for malformed bodies and 422 for unmappable ones, with a reason, keeping the payload and writing nothing else", async () => {
    await serve();
    expect(await postAfterShip("{ not json")).toMatchObject({
      status: 400,
      body: { error: { code: "MALFORMED_EVENT", message: "body is not valid JSON" } },
    });
    const noNumber = await postAfterShip(
      JSON.stringify({
        event_id: "x",
        event: "tracking_update",
        msg: { slug: "ups", tag: "Delivered" },
      }),
    );
    expect(noNumber.status).toBe(400);
    expect(JSON.stringify(noNumber.body)).toContain("msg.tracking_number");
    const strange = afterShipJson({
      eventId: "e-422",
      trackingNumber: "1Z1",
      tag: "Teleported",
      subtag: "Teleported_001",
      at: AT,
    });
    expect(await postAfterShip(strange)).toMatchObject({
      status: 422,
      body: {
        error: {
          code: "UNMAPPABLE_EVENT",
          message: "AfterShip tag Teleported has no canonical milestone",
        },
      },
    });
    expect(hub.calls).toEqual([]);
    expect(
      await integrationsRepository(store.store).handledCarrierEvent("aftership", "e-422"),
    ).toBeNull();
    const kept = await receipts();
    expect(kept.map((receipt) => [receipt.status, receipt.outcome]).sort()).toEqual([
      [400, "MALFORMED_EVENT"],
      [400, "MALFORMED_EVENT"],
      [422, "UNMAPPABLE_EVENT"],
    ]);
    expect(kept.find((receipt) => receipt.status === 422)?.payload).toBe(strange);
  });

  it("a milestone shipments refuses is 422 and the event stays unhandled, so a corrected retry is taken", async () => {
    await serve();
    hub.milestoneAnswer = () => ({
      __typename: "InvalidMilestoneError",
      code: "OCCURRED_IN_FUTURE",
      message: "occurredAt is ahead of the clock",
    });
    expect(await postAfterShip(delivered("e-future"))).toMatchObject({
      status: 422,
      body: { error: { code: "UNPROCESSABLE_MILESTONE" } },
    });
    hub.milestoneAnswer = () => ({ __typename: "Shipment", id: "shp_9" });
    expect(await postAfterShip(delivered("e-future"))).toMatchObject({
      status: 200,
      body: { outcome: "MILESTONE_RECORDED" },
    });
  });

  it("EasyPost: a failure is an EXCEPTION with its reason; a parcel shipments does not know yet is parked", async () => {
    await serve();
    hub.milestoneAnswer = () => ({ __typename: "ParkedMilestone", id: "pmk_1" });
    const failure = easyPostJson({
      id: "evt_failure_1",
      trackingCode: "9400110898825022579493",
      status: "failure",
      statusDetail: "address_not_found",
      at: "2026-11-03T13:30:00Z",
    });
    expect(await postEasyPost(failure)).toMatchObject({
      status: 200,
      body: { outcome: "MILESTONE_PARKED", results: ["PARKED pmk_1"] },
    });
    expect(inputs()).toEqual([
      expect.objectContaining({
        carrier: "USPS",
        trackingNumber: "9400110898825022579493",
        type: "EXCEPTION",
        reasonCode: "address_not_found",
      }),
    ]);
    expect(await postEasyPost(failure)).toMatchObject({ body: { outcome: "DUPLICATE" } });
    expect(hub.calls).toHaveLength(1);
  });

  it("Shopify: a fulfilment's events are matched by the carrier and number its fulfilment told; an unknown fulfilment is 422", async () => {
    await serve();
    const event = shopifyFulfillmentEventJson({
      id: 944956395,
      fulfillmentId: 255858046,
      status: "ready_for_pickup",
      at: AT,
    });
    expect(
      await postShopify("fulfillment-events-create", "fulfillment_events/create", event),
    ).toMatchObject({
      status: 422,
      body: { error: { code: "UNKNOWN_FULFILLMENT" } },
    });
    const fulfillment = shopifyFulfillmentJson({
      id: 255858046,
      trackingNumber: "1Z2345",
      shipmentStatus: "in_transit",
      at: "2026-11-02T09:00:00-05:00",
    });
    expect(
      await postShopify("fulfillments-update", "fulfillments/update", fulfillment),
    ).toMatchObject({
      status: 200,
      body: { outcome: "MILESTONE_RECORDED", milestones: ["IN_TRANSIT"] },
    });
    expect(
      await postShopify("fulfillment-events-create", "fulfillment_events/create", event),
    ).toMatchObject({
      status: 200,
      body: { outcome: "MILESTONE_RECORDED", milestones: ["AVAILABLE_FOR_PICKUP"] },
    });
    expect(inputs()).toEqual([
      expect.objectContaining({ carrier: "UPS", trackingNumber: "1Z2345", type: "IN_TRANSIT" }),
      expect.objectContaining({
        carrier: "UPS",
        trackingNumber: "1Z2345",
        type: "AVAILABLE_FOR_PICKUP",
        occurredAt: AT,
      }),
    ]);
    const strange = shopifyFulfillmentJson({
      id: 255858047,
      trackingNumber: "1Z6789",
      shipmentStatus: "teleported",
      at: AT,
    });
    expect(await postShopify("fulfillments-update", "fulfillments/update", strange)).toMatchObject({
      status: 422,
      body: { error: { code: "UNMAPPABLE_EVENT" } },
    });
    expect(await integrationsRepository(store.store).fulfillmentLink("255858047")).toBeNull();
    expect(await postShopify("fulfillment-events-create", "orders/create", event)).toMatchObject({
      status: 400,
      body: { error: { code: "WRONG_TOPIC" } },
    });
  });

  it("declares a carrier to the gateway only when its secret is configured", async () => {
    await serve({
      SHOPIFY_WEBHOOK_SECRET: SECRETS.SHOPIFY_WEBHOOK_SECRET,
      EASYPOST_WEBHOOK_SECRET: SECRETS.EASYPOST_WEBHOOK_SECRET,
    });
    const manifest = (await (await fetch(`${base}/internal/webhook-sources`)).json()) as {
      sources: { name: string; headers: string[]; topics: string[] }[];
    };
    expect(manifest.sources.map(({ name, topics }) => ({ name, topics }))).toEqual([
      {
        name: "shopify",
        topics: [
          "orders-create",
          "fulfillments-create",
          "fulfillments-update",
          "fulfillment-events-create",
        ],
      },
      { name: "easypost", topics: ["tracker"] },
      { name: "woocommerce", topics: ["order-created", "order-updated"] },
    ]);
    expect(manifest.sources[1]?.headers).toEqual(["x-hmac-signature"]);
    expect((await postAfterShip(delivered())).status).toBe(404);
  });
});
