import type { Server } from "node:http";
import { boundPort, closeServer, listen } from "@waybill/http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { shopifySignature } from "../src/webhooks/shopify/signature.ts";
import { SHOPIFY_ORDERS_CREATE_PATH, shopifyOrdersCreate } from "../src/webhooks/shopify/route.ts";
import { MUG_LINE, shopifyOrderJson } from "./fixtures/shopify.ts";
import { ordersHarness, type OrdersHarness } from "./harness.ts";

const SECRET = "shopify-test-secret-0123456789";
let h: OrdersHarness;
let server: Server;
let url: string;

async function serve(secret: string | null) {
  server = await listen(shopifyOrdersCreate(h.runtime, h, { secret }), 0, "127.0.0.1");
  url = `http://127.0.0.1:${boundPort(server)}${SHOPIFY_ORDERS_CREATE_PATH}`;
}

beforeEach(async () => {
  h = await ordersHarness();
  await h.deliver("inventory.product.created", { sku: "MUG-1", name: "Mug" });
});
afterEach(async () => {
  await closeServer(server);
  await h.close();
});

async function post(body: string, signature = shopifySignature(SECRET, Buffer.from(body))) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "x-shopify-hmac-sha256": signature,
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function nothingWritten() {
  expect(await h.count("orders")).toBe(0);
  expect(await h.count("customers")).toBe(0);
  expect(await h.emitted()).toEqual([]);
}

const order = (id = "5551234567890123456", lineItems = [MUG_LINE]) =>
  shopifyOrderJson({ id, email: "bob@example.com", lineItems });

describe("Shopify orders/create webhook", () => {
  it("places the order once: the same Shopify order posted twice answers with the same order id", async () => {
    await serve(SECRET);
    const first = await post(order());
    const again = await post(order());
    expect(first).toEqual({
      status: 201,
      body: { orderId: expect.any(String) as unknown, created: true },
    });
    expect(again).toEqual({ status: 200, body: { orderId: first.body.orderId, created: false } });
    const [placed, ...more] = await h.store.collection("orders").find({});
    expect(more).toEqual([]);
    expect(placed).toMatchObject({ channel: "shopify", externalReference: "5551234567890123456" });
    expect(await h.store.collection("customers").find({})).toMatchObject([
      { email: "bob@example.com", name: "Bob Norman", billingPolicy: "ON_SHIPMENT" },
    ]);
    expect((await h.emitted()).map((event) => event.type)).toEqual(["orders.order.placed"]);
  });

  it("places concurrent deliveries of one order once", async () => {
    await serve(SECRET);
    const answers = await Promise.all([post(order()), post(order()), post(order())]);
    expect(new Set(answers.map((answer) => answer.body.orderId)).size).toBe(1);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
    expect(await h.count("orders")).toBe(1);
  });

  it("refuses a bad signature with 401 and writes nothing", async () => {
    await serve(SECRET);
    const forged = await post(
      order(),
      shopifySignature("not-the-secret-0123456789", Buffer.from(order())),
    );
    expect(forged).toMatchObject({ status: 401, body: { error: { code: "INVALID_SIGNATURE" } } });
    expect((await post(order(), "")).status).toBe(401);
    await nothingWritten();
  });

  it("answers 400 for malformed JSON or shape and 422 for an unknown SKU, with a reason, writing nothing", async () => {
    await serve(SECRET);
    expect(await post("{ not json")).toMatchObject({
      status: 400,
      body: { error: { message: "body is not valid JSON" } },
    });
    const zero = await post(order("1", [{ ...MUG_LINE, quantity: 0 }]));
    expect(zero.status).toBe(400);
    expect(JSON.stringify(zero.body)).toContain("line_items.0.quantity");
    const unknown = await post(order("2", [MUG_LINE, { ...MUG_LINE, id: 2, sku: "GHOST-9" }]));
    expect(unknown).toMatchObject({
      status: 422,
      body: { error: { code: "UNPROCESSABLE_ORDER" } },
    });
    expect(JSON.stringify(unknown.body)).toContain("GHOST-9");
    await nothingWritten();
  });

  it("answers 503 with the reason when no secret is configured", async () => {
    await serve(null);
    const answer = await post(order());
    expect(answer).toMatchObject({ status: 503, body: { error: { code: "WEBHOOK_DISABLED" } } });
    expect(JSON.stringify(answer.body)).toContain("SHOPIFY_WEBHOOK_SECRET");
    await nothingWritten();
  });
});
