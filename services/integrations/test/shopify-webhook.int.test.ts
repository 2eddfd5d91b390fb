import type { Server } from "node:http";
import { randomBytes } from "node:crypto";
import { openTestStore, type TestStore } from "@waybill/devtools";
import { boundPort, closeServer, listen, sendFailure } from "@waybill/http";
import { createLogger } from "@waybill/observability";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hubClient } from "../src/hub/client.ts";
import { shopifySource } from "../src/sources/shopify/index.ts";
import { shopifySignature } from "../src/sources/shopify/signature.ts";
import { integrationsRepository, prepareIntegrationsStore } from "../src/store/repository.ts";
import { webhookRoutes } from "../src/webhooks/route.ts";
import { startTestHub, type TestHub } from "./fixtures/hub.ts";
import { MUG_LINE, shopifyOrderJson } from "./fixtures/shopify.ts";

// Shopify's webhook shape: https://shopify.dev/docs/apps/build/webhooks/subscribe/https (JSON body,
// X-Shopify-Topic, X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256 of the raw body under the secret).
const SECRET = "shopify-test-secret-0123456789";
const PATH = "/webhooks/shopify/orders-create";
const signingKey = randomBytes(32);
const logger = createLogger("integrations-test", "silent");
let hub: TestHub;
let store: TestStore;
let server: Server;
let url: string;

async function serve(secret: string | null) {
  const repo = integrationsRepository(store.store);
  const routes = webhookRoutes([shopifySource({ secret })], {
    repo,
    hub: hubClient(hub.url, signingKey),
    logger,
  });
  // As the service host serves routes: what a route throws is answered by sendFailure.
  server = await listen(
    async (req, res) => {
      try {
        await routes[(req.url ?? "").split("?")[0] ?? ""]?.(req, res);
      } catch (error) {
        sendFailure(res, error, "plain", () => undefined);
      }
    },
    0,
    "127.0.0.1",
  );
  url = `http://127.0.0.1:${boundPort(server)}${PATH}`;
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

async function post(
  body: string,
  signature = shopifySignature(SECRET, Buffer.from(body)),
  topic = "orders/create",
) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": topic,
      "x-shopify-hmac-sha256": signature,
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const receipts = () =>
  integrationsRepository(store.store).receiptsPage(null, { first: 50, after: null });

const order = (id = "5551234567890123456", lineItems = [MUG_LINE]) =>
  shopifyOrderJson({ id, email: "Bob@Example.com", lineItems });

describe("Shopify orders/create webhook", () => {
  it("places the order through the hub as the integrations service, and keeps a receipt", async () => {
    await serve(SECRET);
    const first = await post(order());
    expect(first).toEqual({ status: 201, body: { orderId: "ord_1", created: true } });
    expect(hub.calls).toHaveLength(1);
    expect(hub.calls[0]?.principal).toMatchObject({
      subject: "service:integrations",
      scopes: ["orders:read", "orders:write", "customers:write"],
    });
    expect(hub.calls[0]?.variables).toEqual({
      input: {
        customer: { email: "bob@example.com", name: "Bob Norman" },
        channel: "shopify",
        externalReference: "5551234567890123456",
        currency: "EUR",
        lines: [{ sku: "MUG-1", quantity: 2, unitPrice: "19.99", taxRate: "20" }],
      },
    });
    expect(await receipts()).toMatchObject([
      {
        source: "shopify",
        topic: "orders-create",
        status: 201,
        outcome: "ORDER_PLACED",
        reference: "ord_1",
      },
    ]);
    expect((await receipts())[0]?.payload).toBe(order());
  });

  it("answers 200 with the order placed before when the hub reports a duplicate", async () => {
    await serve(SECRET);
    hub.answer = { __typename: "DuplicateOrderError", existingOrder: { id: "ord_7" } };
    expect(await post(order())).toEqual({
      status: 200,
      body: { orderId: "ord_7", created: false },
    });
  });

  it("refuses a bad signature with 401, asking nothing of the hub and keeping nothing", async () => {
    await serve(SECRET);
    const forged = await post(
      order(),
      shopifySignature("not-the-secret-0123456789", Buffer.from(order())),
    );
    expect(forged).toMatchObject({ status: 401, body: { error: { code: "INVALID_SIGNATURE" } } });
    expect((await post(order(), "")).status).toBe(401);
    expect(hub.calls).toEqual([]);
    expect(await receipts()).toEqual([]);
  });

  it("answers 400 for malformed JSON, shape or topic and 422 for what the hub refuses, with a reason", async () => {
    await serve(SECRET);
    expect(await post("{ not json")).toMatchObject({
      status: 400,
      body: { error: { code: "MALFORMED_ORDER", message: "body is not valid JSON" } },
    });
    const zero = await post(order("1", [{ ...MUG_LINE, quantity: 0 }]));
    expect(zero.status).toBe(400);
    expect(JSON.stringify(zero.body)).toContain("line_items.0.quantity");
    expect(await post(order(), undefined, "orders/updated")).toMatchObject({
      status: 400,
      body: { error: { code: "WRONG_TOPIC" } },
    });
    expect(hub.calls).toEqual([]);
    hub.answer = {
      __typename: "UnknownSkuError",
      code: "UNKNOWN_SKU",
      message: "unknown SKU(s): GHOST-9",
    };
    const unknown = await post(order("2", [MUG_LINE, { ...MUG_LINE, id: 2, sku: "GHOST-9" }]));
    expect(unknown).toMatchObject({
      status: 422,
      body: { error: { code: "UNPROCESSABLE_ORDER" } },
    });
    expect(JSON.stringify(unknown.body)).toContain("GHOST-9");
    expect((await receipts()).map((receipt) => receipt.outcome).sort()).toEqual([
      "MALFORMED_ORDER",
      "MALFORMED_ORDER",
      "UNPROCESSABLE_ORDER",
      "WRONG_TOPIC",
    ]);
  });

  it("answers 503 so that Shopify delivers again when the hub does not answer", async () => {
    await serve(SECRET);
    await hub.close();
    const answer = await post(order());
    expect(answer).toMatchObject({ status: 503, body: { error: { code: "HUB_UNAVAILABLE" } } });
  });

  it("answers 503 with the reason when no secret is configured", async () => {
    await serve(null);
    const answer = await post(order());
    expect(answer).toMatchObject({ status: 503, body: { error: { code: "WEBHOOK_DISABLED" } } });
    expect(JSON.stringify(answer.body)).toContain("SHOPIFY_WEBHOOK_SECRET");
    expect(hub.calls).toEqual([]);
  });
});
