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
import { SHOPIFY_CLAIM_MS } from "../src/store/shopify-links.ts";
import { webhookRoutes } from "../src/webhooks/route.ts";
import { startTestHub, type TestHub } from "./fixtures/hub.ts";
import { MUG_LINE, shopifyOrderJson } from "./fixtures/shopify.ts";

// Shopify's webhooks (https://shopify.dev/docs/apps/build/webhooks): orders/cancelled and
// orders/updated carry the REST Order resource, refunds/create the REST Refund resource
// (https://shopify.dev/docs/api/admin-rest/latest/resources/refund), returns/request a Return
// whose return line items name the order's line items through their fulfilment line items.
const SECRET = "shopify-test-secret-0123456789";
const SHOPIFY_ORDER = "5551234567890123456";
const PEN_LINE = { ...MUG_LINE, id: 466157049, sku: "PEN-1", title: "Pen", quantity: 3 };
const signingKey = randomBytes(32);
const logger = createLogger("integrations-test", "silent");
let hub: TestHub;
let store: TestStore;
let server: Server;
let base: string;

type Line = {
  id: string;
  sku: string;
  quantity: number;
  cancelledQuantity: number;
  shippedQuantity: number;
};
let lines: Line[];

beforeEach(async () => {
  hub = await startTestHub(signingKey);
  store = await openTestStore("integrations");
  await prepareIntegrationsStore(store.store);
  const routes = webhookRoutes([shopifySource({ secret: SECRET })], {
    repo: integrationsRepository(store.store),
    hub: hubClient(hub.url, signingKey),
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
  base = `http://127.0.0.1:${boundPort(server)}/webhooks/shopify`;
  lines = [
    { id: "ord_1-l1", sku: "MUG-1", quantity: 2, cancelledQuantity: 0, shippedQuantity: 0 },
    { id: "ord_1-l2", sku: "PEN-1", quantity: 3, cancelledQuantity: 0, shippedQuantity: 0 },
  ];
  hub.fields["order"] = ({ id }) =>
    id === "ord_1" ? { id: "ord_1", cancelledAt: null, lines } : null;
});
afterEach(async () => {
  await closeServer(server);
  await hub.close();
  await store.close();
});

async function post(
  topic: string,
  body: string,
  signature = shopifySignature(SECRET, Buffer.from(body)),
) {
  const response = await fetch(`${base}/${topic.replace(/[/_]/g, "-")}`, {
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

const placed = () =>
  post(
    "orders/create",
    shopifyOrderJson({
      id: SHOPIFY_ORDER,
      email: "bob@example.com",
      lineItems: [MUG_LINE, PEN_LINE],
    }),
  );
const callsOf = (field: string) => hub.calls.filter((call) => call.query.includes(`${field}(`));
const receipts = () =>
  integrationsRepository(store.store).receiptsPage(null, { first: 50, after: null });

/** An order payload of the REST Order resource with the line items as Shopify now has them. */
const orderJson = (
  items: { id: number; quantity: number; current_quantity?: number }[],
  extra: Record<string, unknown> = {},
) =>
  JSON.stringify({
    id: "__ID__",
    admin_graphql_api_id: `gid://shopify/Order/${SHOPIFY_ORDER}`,
    email: "bob@example.com",
    currency: "EUR",
    line_items: items.map((item) => ({
      ...item,
      fulfillable_quantity: item.current_quantity ?? item.quantity,
    })),
    refunds: [],
    ...extra,
  }).replace('"__ID__"', SHOPIFY_ORDER);

const returnJson = (id: number, quantity: number) =>
  JSON.stringify({
    id,
    admin_graphql_api_id: `gid://shopify/Return/${id}`,
    status: "requested",
    order: { id: "__ID__", admin_graphql_api_id: `gid://shopify/Order/${SHOPIFY_ORDER}` },
    return_line_items: [
      {
        id: 9001,
        quantity,
        return_reason: "size_too_small",
        fulfillment_line_item: { id: 7001, line_item: { id: "__MUG__" } },
      },
    ],
  })
    .replace('"__ID__"', SHOPIFY_ORDER)
    .replace('"__MUG__"', String(MUG_LINE.id));

const refundJson = (
  id: number,
  refundLines: { line_item_id: number; quantity: number; restock_type: string }[],
  extra: Record<string, unknown> = {},
) =>
  JSON.stringify({
    id,
    order_id: "__ID__",
    note: null,
    refund_line_items: refundLines,
    transactions: [],
    ...extra,
  }).replace('"__ID__"', SHOPIFY_ORDER);

describe("Shopify orders/cancelled", () => {
  it("cancels the order the Shopify order became, once, and refuses an order never placed", async () => {
    await placed();
    let cancelled = false;
    hub.fields["cancelOrder"] = () => {
      if (cancelled)
        return {
          __typename: "AlreadyCancelledError",
          code: "ALREADY_CANCELLED",
          message: "already",
        };
      cancelled = true;
      return { __typename: "Order" };
    };
    const body = orderJson([{ id: MUG_LINE.id, quantity: 2 }], { cancel_reason: "customer" });
    expect(await post("orders/cancelled", body)).toEqual({
      status: 200,
      body: { orderId: "ord_1" },
    });
    expect(callsOf("cancelOrder")[0]?.variables).toEqual({
      input: { orderId: "ord_1", reason: "Cancelled in Shopify (customer)" },
    });
    expect((await post("orders/cancelled", body)).status).toBe(200);
    expect(callsOf("cancelOrder")).toHaveLength(2);
    const outcomes = (await receipts()).map((receipt) => receipt.outcome);
    expect(outcomes).toContain("ORDER_CANCELLED");
    expect(outcomes).toContain("ALREADY_CANCELLED");

    const unknown = await post("orders/cancelled", body.replaceAll(SHOPIFY_ORDER, "42"));
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: "UNKNOWN_ORDER" } } });
    expect(callsOf("cancelOrder")).toHaveLength(2);
  });

  it("refuses to cancel an order that has shipped, saying so", async () => {
    await placed();
    hub.fields["cancelOrder"] = () => ({
      __typename: "CannotCancelShippedError",
      code: "CANNOT_CANCEL_SHIPPED",
      message: "2 unit(s) have shipped",
    });
    const answer = await post("orders/cancelled", orderJson([{ id: MUG_LINE.id, quantity: 2 }]));
    expect(answer).toMatchObject({
      status: 422,
      body: { error: { code: "CANNOT_CANCEL_SHIPPED" } },
    });
  });
});

describe("Shopify orders/updated", () => {
  it("cancels a line whose line item Shopify removed entirely (current_quantity 0), once", async () => {
    await placed();
    hub.fields["cancelOrderLine"] = ({ input }) => {
      const line = lines.find((candidate) => candidate.id === (input as { lineId: string }).lineId);
      if (line) line.cancelledQuantity = line.quantity;
      return { __typename: "Order" };
    };
    const removed = orderJson([
      { id: MUG_LINE.id, quantity: 2, current_quantity: 2 },
      { id: PEN_LINE.id, quantity: 3, current_quantity: 0 },
    ]);
    expect(await post("orders/updated", removed)).toEqual({
      status: 200,
      body: { orderId: "ord_1", cancelledLines: ["ord_1-l2"] },
    });
    expect(callsOf("cancelOrderLine").map((call) => call.variables)).toEqual([
      { input: { orderId: "ord_1", lineId: "ord_1-l2", reason: "Removed in Shopify" } },
    ]);
    // Delivered again: the line is cancelled already, nothing is asked.
    expect((await post("orders/updated", removed)).body).toEqual({
      orderId: "ord_1",
      cancelledLines: [],
    });
    expect(callsOf("cancelOrderLine")).toHaveLength(1);
  });

  it("reads a refund with restock type cancel where current_quantity is not sent, and leaves partial removals and shipped lines alone", async () => {
    await placed();
    hub.fields["cancelOrderLine"] = () => ({ __typename: "Order" });
    lines[1] = { ...(lines[1] as Line), shippedQuantity: 1 };
    const cancelledByRefund = orderJson(
      [
        { id: MUG_LINE.id, quantity: 2 },
        { id: PEN_LINE.id, quantity: 3 },
      ],
      {
        refunds: [
          {
            id: 5001,
            order_id: SHOPIFY_ORDER,
            note: null,
            refund_line_items: [
              { line_item_id: MUG_LINE.id, quantity: 2, restock_type: "cancel" },
              // Refunded after shipping: a return, not a cancellation.
              { line_item_id: PEN_LINE.id, quantity: 3, restock_type: "return" },
            ],
          },
        ],
      },
    );
    expect((await post("orders/updated", cancelledByRefund)).body).toEqual({
      orderId: "ord_1",
      cancelledLines: ["ord_1-l1"],
    });
    const partial = orderJson([
      { id: MUG_LINE.id, quantity: 2, current_quantity: 1 },
      { id: PEN_LINE.id, quantity: 3, current_quantity: 3 },
    ]);
    expect(await post("orders/updated", partial)).toMatchObject({
      status: 200,
      body: { cancelledLines: [] },
    });
    expect(callsOf("cancelOrderLine")).toHaveLength(1);
  });
});

describe("Shopify returns/request and refunds/create", () => {
  it("requests a Waybill return for a Shopify return, once per return id, as a principal that may request returns", async () => {
    await placed();
    hub.fields["requestReturn"] = () => ({ __typename: "Return", id: "ret_1" });
    expect(await post("returns/request", returnJson(8001, 1))).toEqual({
      status: 201,
      body: { returnId: "ret_1", created: true },
    });
    const [call] = callsOf("requestReturn");
    expect(call?.variables).toEqual({
      input: {
        orderId: "ord_1",
        reason: "Shopify return 8001 (size_too_small)",
        lines: [{ lineId: "ord_1-l1", quantity: 1 }],
      },
    });
    expect(call?.principal?.scopes).toContain("returns:write");
    expect(await post("returns/request", returnJson(8001, 1))).toEqual({
      status: 200,
      body: { returnId: "ret_1", created: false },
    });
    // The merchant refunding that return in Shopify requests nothing more.
    const settling = refundJson(
      6001,
      [{ line_item_id: MUG_LINE.id, quantity: 1, restock_type: "return" }],
      {
        return: { id: 8001 },
      },
    );
    expect((await post("refunds/create", settling)).body).toEqual({
      returnId: "ret_1",
      created: false,
    });
    expect(callsOf("requestReturn")).toHaveLength(1);
  });

  it("gives a refused return back, so the next delivery tries again", async () => {
    await placed();
    hub.fields["requestReturn"] = () => ({
      __typename: "NothingShippedError",
      code: "NOTHING_SHIPPED",
      message: "nothing of order ord_1 has shipped",
    });
    expect(await post("returns/request", returnJson(8002, 1))).toMatchObject({
      status: 422,
      body: { error: { code: "NOTHING_SHIPPED" } },
    });
    hub.fields["requestReturn"] = () => ({ __typename: "Return", id: "ret_2" });
    expect((await post("returns/request", returnJson(8002, 1))).status).toBe(201);
  });

  it("makes a refund's returned units a return once, and never its own refunds or money-only ones", async () => {
    await placed();
    hub.fields["requestReturn"] = () => ({ __typename: "Return", id: "ret_3" });
    const own = refundJson(
      6002,
      [{ line_item_id: MUG_LINE.id, quantity: 1, restock_type: "return" }],
      {
        note: "Waybill credit note CN-2026-000001",
      },
    );
    expect(await post("refunds/create", own)).toMatchObject({
      status: 200,
      body: { returnId: null },
    });
    const moneyOnly = refundJson(6003, [
      { line_item_id: MUG_LINE.id, quantity: 1, restock_type: "no_restock" },
      { line_item_id: PEN_LINE.id, quantity: 1, restock_type: "cancel" },
    ]);
    expect((await post("refunds/create", moneyOnly)).status).toBe(200);
    expect(callsOf("requestReturn")).toEqual([]);
    const returned = refundJson(6004, [
      { line_item_id: PEN_LINE.id, quantity: 2, restock_type: "return" },
      { line_item_id: MUG_LINE.id, quantity: 1, restock_type: "no_restock" },
    ]);
    expect((await post("refunds/create", returned)).status).toBe(201);
    expect((await post("refunds/create", returned)).status).toBe(200);
    expect(callsOf("requestReturn").map((call) => call.variables)).toEqual([
      {
        input: {
          orderId: "ord_1",
          reason: "Shopify refund 6004",
          lines: [{ lineId: "ord_1-l2", quantity: 2 }],
        },
      },
    ]);
    expect((await receipts()).map((receipt) => receipt.outcome)).toEqual(
      expect.arrayContaining([
        "OWN_REFUND",
        "NOTHING_RETURNED",
        "RETURN_REQUESTED",
        "ALREADY_REQUESTED",
      ]),
    );
  });
});

describe("Shopify claims", () => {
  it("answer a delivery arriving while another is asking the hub 409, and give a claim whose webhook died to the next delivery", async () => {
    await placed();
    hub.fields["requestReturn"] = () => ({ __typename: "Return", id: "ret_9" });
    const repo = integrationsRepository(store.store);
    const fiveMinutesAgo = new Date(Date.now() - SHOPIFY_CLAIM_MS - 1_000);
    expect(await repo.claimShopify("return:8010")).toEqual({ claimed: true });
    expect(await post("returns/request", returnJson(8010, 1))).toMatchObject({
      status: 409,
      body: { error: { code: "IN_PROGRESS" } },
    });
    expect(callsOf("requestReturn")).toEqual([]);
    // A claim left by a crash long ago is taken over.
    expect(await repo.claimShopify("return:8011", fiveMinutesAgo)).toEqual({ claimed: true });
    expect(await post("returns/request", returnJson(8011, 1))).toEqual({
      status: 201,
      body: { returnId: "ret_9", created: true },
    });
    expect(await repo.claimShopify("return:8011")).toEqual({ claimed: false, target: "ret_9" });
  });
});

describe("Shopify's new topics refuse a tampered signature", () => {
  for (const [topic, body] of [
    ["orders/cancelled", () => orderJson([{ id: MUG_LINE.id, quantity: 2 }])],
    ["orders/updated", () => orderJson([{ id: MUG_LINE.id, quantity: 2, current_quantity: 0 }])],
    ["returns/request", () => returnJson(8009, 1)],
    [
      "refunds/create",
      () => refundJson(6009, [{ line_item_id: MUG_LINE.id, quantity: 1, restock_type: "return" }]),
    ],
  ] as const)
    it(`${topic}: 401, nothing asked of the hub and nothing kept`, async () => {
      await placed();
      const before = hub.calls.length;
      const signed = body();
      // Signed, then changed in transit.
      const tampered = signed.replace('"quantity":', '"quantity": ');
      const answer = await post(topic, tampered, shopifySignature(SECRET, Buffer.from(signed)));
      expect(answer).toMatchObject({ status: 401, body: { error: { code: "INVALID_SIGNATURE" } } });
      expect(hub.calls).toHaveLength(before);
      expect((await receipts()).map((receipt) => receipt.topic)).toEqual(["orders-create"]);
      const repo = integrationsRepository(store.store);
      expect(await repo.shopifyLink("return:8009")).toBeNull();
      expect(await repo.claimShopify("refund:6009")).toEqual({ claimed: true });
    });
});
