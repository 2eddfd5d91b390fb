import type { Server } from "node:http";
import { readFileSync } from "node:fs";
import { openTestStore, type TestStore } from "@waybill/devtools";
import { boundPort, closeServer, listen, sendFailure } from "@waybill/http";
import { createLogger } from "@waybill/observability";
import { buildSchema, parse, validate } from "graphql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Hub } from "../src/hub/client.ts";
import { woocommerceSource } from "../src/sources/woocommerce/index.ts";
import { integrationsRepository, prepareIntegrationsStore } from "../src/store/repository.ts";
import { webhookRoutes } from "../src/webhooks/route.ts";
import { startTestWoocommerce, type TestWoocommerce } from "./support/woocommerce-server.ts";

// The store's deliveries come from test/support/woocommerce-server.ts, which signs and heads them
// as the WooCommerce REST API docs' webhook pages describe (X-WC-Webhook-Signature: the base64
// HMAC-SHA256 of the body; the unsigned `webhook_id=` ping when a webhook is saved).

const SECRET = "woo-webhook-secret-0123456789";
const API_SCHEMA = buildSchema(
  readFileSync(new URL("../../../schema/api.graphql", import.meta.url), "utf8"),
);
const logger = createLogger("integrations-test", "silent");

type Call = { operation: string; input: Record<string, unknown> };

/**
 * The hub's orders mutations as the supergraph answers them, each document checked against the
 * composed API schema: places an order once per channel reference, cancels unless shipped.
 */
function ordersHub() {
  const calls: Call[] = [];
  const placed = new Map<string, string>();
  const cancelled = new Set<string>();
  const shipped = new Set<string>();
  const hub: Hub = {
    execute<T>(document: string, variables: Record<string, unknown>) {
      const errors = validate(API_SCHEMA, parse(document));
      if (errors.length > 0) throw new Error(errors.map((error) => error.message).join("; "));
      const input = variables["input"] as Record<string, unknown>;
      if (document.includes("placeChannelOrder(")) {
        calls.push({ operation: "placeChannelOrder", input });
        const reference = String(input["externalReference"]);
        const existing = placed.get(reference);
        if (existing)
          return Promise.resolve({
            placeChannelOrder: {
              __typename: "DuplicateOrderError",
              existingOrder: { id: existing },
            },
          } as T);
        const id = `ord_${placed.size + 1}`;
        placed.set(reference, id);
        return Promise.resolve({ placeChannelOrder: { __typename: "Order", id } } as T);
      }
      calls.push({ operation: "cancelOrder", input });
      const orderId = String(input["orderId"]);
      const answer = shipped.has(orderId)
        ? {
            __typename: "CannotCancelShippedError",
            code: "CANNOT_CANCEL_SHIPPED",
            message: "shipped",
          }
        : cancelled.has(orderId)
          ? { __typename: "AlreadyCancelledError", code: "ALREADY_CANCELLED", message: "cancelled" }
          : { __typename: "Order" };
      cancelled.add(orderId);
      return Promise.resolve({ cancelOrder: answer } as T);
    },
  };
  return { hub, calls, placed, cancelled, shipped };
}

let store: TestStore;
let server: Server;
let shop: TestWoocommerce;
let hub: ReturnType<typeof ordersHub>;
let base: string;

async function serve(secret: string | null) {
  const routes = webhookRoutes([woocommerceSource({ secret })], {
    repo: integrationsRepository(store.store),
    hub: hub.hub,
    logger,
  });
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
  base = `http://127.0.0.1:${boundPort(server)}/webhooks/woocommerce`;
}

beforeEach(async () => {
  store = await openTestStore("integrations");
  await prepareIntegrationsStore(store.store);
  shop = await startTestWoocommerce();
  hub = ordersHub();
});
afterEach(async () => {
  await closeServer(server);
  await shop.close();
  await store.close();
});

async function deliver(
  topic: "order.created" | "order.updated",
  id: number,
  change: (headers: Record<string, string>, body: string) => [Record<string, string>, string] = (
    headers,
    body,
  ) => [headers, body],
) {
  const signed = shop.webhook(id, topic, SECRET);
  const [headers, body] = change(signed.headers, signed.body);
  const response = await fetch(`${base}/${topic.replace(".", "-")}`, {
    method: "POST",
    headers,
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The headers without the signature. */
const unsigned = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "x-wc-webhook-signature"));

const receipts = () =>
  integrationsRepository(store.store).receiptsPage(null, { first: 50, after: null });

/** Two mugs at 19.99 with 20 % VAT, and a pen at 2.50 taxed at 8.875 % (a US rate). */
const addOrder = (id: number, status = "processing") =>
  shop.addOrder({
    id,
    email: "Wendy@Example.com",
    status,
    lines: [
      { sku: "MUG-1", quantity: 2, price: "19.99", taxRate: "20", product: 501 },
      { sku: "PEN-1", quantity: 1, price: "2.50", taxRate: "8.875", product: 502 },
    ],
  });

describe("WooCommerce order webhooks", () => {
  it("places a paid order once per WooCommerce order id, however often it is delivered", async () => {
    await serve(SECRET);
    addOrder(727);
    expect(await deliver("order.created", 727)).toEqual({
      status: 201,
      body: { orderId: "ord_1", created: true },
    });
    expect(await deliver("order.created", 727)).toEqual({
      status: 200,
      body: { orderId: "ord_1", created: false },
    });
    expect(hub.calls[0]).toEqual({
      operation: "placeChannelOrder",
      input: {
        customer: { email: "wendy@example.com", name: "Wendy Woo" },
        channel: "woocommerce",
        externalReference: "727",
        currency: "EUR",
        lines: [
          { sku: "MUG-1", quantity: 2, unitPrice: "19.99", taxRate: "20" },
          { sku: "PEN-1", quantity: 1, unitPrice: "2.50", taxRate: "8.875" },
        ],
      },
    });
    expect((await receipts()).map((receipt) => receipt.outcome).sort()).toEqual([
      "ALREADY_PLACED",
      "ORDER_PLACED",
    ]);
  });

  it("waits for payment: a pending order is placed when order.updated says processing", async () => {
    await serve(SECRET);
    addOrder(728, "pending");
    expect(await deliver("order.created", 728)).toMatchObject({ status: 200 });
    expect(hub.calls).toEqual([]);
    const order = shop.order(728);
    if (order) Object.assign(order, { status: "processing", date_paid: "2026-12-03T10:00:00" });
    expect(await deliver("order.updated", 728)).toMatchObject({ status: 201 });
    expect(hub.placed.get("728")).toBe("ord_1");
    expect((await receipts()).map((receipt) => receipt.outcome).sort()).toEqual([
      "IGNORED",
      "ORDER_PLACED",
    ]);
  });

  it("cancels the Waybill order when order.updated says cancelled, and only a paid one", async () => {
    await serve(SECRET);
    addOrder(729);
    await deliver("order.created", 729);
    const order = shop.order(729);
    if (order) order.status = "cancelled";
    expect(await deliver("order.updated", 729)).toEqual({
      status: 200,
      body: { orderId: "ord_1", outcome: "ORDER_CANCELLED" },
    });
    expect(hub.calls.map((call) => call.operation)).toEqual([
      "placeChannelOrder",
      "placeChannelOrder",
      "cancelOrder",
    ]);
    expect(hub.calls[2]?.input).toEqual({
      orderId: "ord_1",
      reason: "cancelled in WooCommerce (order 729)",
    });
    // Delivered again: already cancelled, nothing new.
    expect((await deliver("order.updated", 729)).body).toMatchObject({
      outcome: "ALREADY_CANCELLED",
    });

    // An unpaid order that was cancelled was never placed: nothing to ask of the hub.
    addOrder(730, "pending");
    const unpaid = shop.order(730);
    if (unpaid) unpaid.status = "cancelled";
    const before = hub.calls.length;
    expect(await deliver("order.updated", 730)).toMatchObject({ status: 200 });
    expect(hub.calls).toHaveLength(before);
    expect(hub.placed.has("730")).toBe(false);
  });

  it("answers 200 with the refusal when orders cannot cancel a shipped order", async () => {
    await serve(SECRET);
    addOrder(731);
    await deliver("order.created", 731);
    hub.shipped.add("ord_1");
    const order = shop.order(731);
    if (order) order.status = "cancelled";
    expect(await deliver("order.updated", 731)).toEqual({
      status: 200,
      body: { orderId: "ord_1", outcome: "CANNOT_CANCEL_SHIPPED" },
    });
    expect(hub.cancelled.has("ord_1")).toBe(true);
  });

  it("refuses a tampered signature with 401, asking nothing of the hub and keeping nothing", async () => {
    await serve(SECRET);
    addOrder(732);
    const tampered = await deliver("order.created", 732, (headers, body) => [
      headers,
      body.replace('"quantity":2', '"quantity":20'),
    ]);
    expect(tampered).toMatchObject({ status: 401, body: { error: { code: "INVALID_SIGNATURE" } } });
    const bare = await deliver("order.created", 732, (headers, body) => {
      return [unsigned(headers), body];
    });
    expect(bare.status).toBe(401);
    expect(hub.calls).toEqual([]);
    expect(await receipts()).toEqual([]);
  });

  it("answers the ping WooCommerce sends when a webhook is saved, keeping nothing", async () => {
    await serve(SECRET);
    const response = await fetch(`${base}/order-created`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "webhook_id=14",
    });
    expect(response.status).toBe(200);
    // A JSON order without signature is no ping.
    addOrder(733);
    const forged = await deliver("order.created", 733, (headers, body) => {
      return [{ ...unsigned(headers), "content-type": "application/x-www-form-urlencoded" }, body];
    });
    expect(forged.status).toBe(401);
    expect(hub.calls).toEqual([]);
    expect(await receipts()).toEqual([]);
  });

  it("answers 400 for a wrong topic or shape and 422 for an order Waybill cannot take", async () => {
    await serve(SECRET);
    addOrder(734);
    expect(
      await deliver("order.updated", 734, (headers, body) => [
        { ...headers, "x-wc-webhook-topic": "order.created" },
        body,
      ]),
    ).toMatchObject({ status: 400, body: { error: { code: "WRONG_TOPIC" } } });
    const item = shop.order(734)?.line_items[0];
    if (item) item.sku = "";
    const unmappable = await deliver("order.created", 734);
    expect(unmappable).toMatchObject({
      status: 422,
      body: { error: { code: "UNPROCESSABLE_ORDER" } },
    });
    expect(JSON.stringify(unmappable.body)).toContain("has no SKU");
    expect(hub.calls).toEqual([]);
  });

  it("answers 503 with the reason when no secret is configured, the ping included", async () => {
    await serve(null);
    addOrder(735);
    const answer = await deliver("order.created", 735);
    expect(answer).toMatchObject({ status: 503, body: { error: { code: "WEBHOOK_DISABLED" } } });
    expect(JSON.stringify(answer.body)).toContain("WOOCOMMERCE_WEBHOOK_SECRET");
    const ping = await fetch(`${base}/order-created`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "webhook_id=14",
    });
    expect(ping.status).toBe(503);
    expect(hub.calls).toEqual([]);
  });
});
