import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestShopify,
  type TestShopify,
} from "../../services/integrations/test/support/shopify-admin-server.ts";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { execute, nodes, type Paged } from "../support/graphql.ts";
import { closed, moneyWhen, receiveReturn } from "../support/money-path.ts";
import { confirmWhenKnown } from "../support/shipments.ts";
import { postShopifyWebhook } from "../support/shopify.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// A Shopify order both ways through the whole hub: Shopify's webhooks in through the gateway
// (orders/create, returns/request, orders/cancelled, refunds/create), the order's fulfilment and
// refund out through the connector into a test shop. The shop is
// services/integrations/test/support/shopify-admin-server.ts, which follows the GraphQL Admin
// API's pages for fulfillmentCreate, refundCreate (RefundLineItemInput, OrderTransactionInput),
// the rate limits and idempotent requests (named in its header).

const SECRET = "e2e-shopify-webhook-secret-0123456789";
const LOCATION = "gid://shopify/Location/81";
// Shopify ids are 64-bit: written as raw digits beyond 2^53, kept exact on the way in.
const MUG_ITEM_ID = "866550311766439021";
const PEN_ITEM_ID = "466157049";
let system: TestSystem;
let gateway: string;
let shop: TestShopify;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-shopify-e2e-"));
  shop = await startTestShopify({ slowMs: 2_000 });
  const mappingPath = join(dir, "shopify-mapping.json");
  await writeFile(
    mappingPath,
    JSON.stringify({
      channel: "shopify",
      carriers: {
        UPS: { company: "UPS", trackingUrl: "https://www.ups.com/track?tracknum={trackingNumber}" },
      },
      locations: { AMS1: LOCATION },
      inventoryItems: {
        "SHOP-MUG": "gid://shopify/InventoryItem/7001",
        "SHOP-PEN": "gid://shopify/InventoryItem/7002",
      },
      restockLocation: LOCATION,
    }),
  );
  system = await startTestSystem({
    CONNECTORS: "shopify",
    CONNECTOR_RETRY_SCHEDULE: "0,0.2,0.5,1,2,5",
    CONNECTOR_POLL_MS: "100",
    SHOPIFY_SHOP_URL: shop.url,
    SHOPIFY_ADMIN_TOKEN: shop.token,
    SHOPIFY_MAPPING_FILE: mappingPath,
    SHOPIFY_TIMEOUT_SECONDS: "1",
    SHOPIFY_WEBHOOK_SECRET: SECRET,
  });
  gateway = system.gatewayUrl;
  for (const sku of ["SHOP-MUG", "SHOP-PEN"])
    await execute(gateway, CREATE_PRODUCT, { sku, name: sku, warehouse: "AMS1", quantity: 100 });
}, 120_000);

afterAll(async () => {
  await system?.dispose();
  await shop?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** An order in Shopify's REST shape: 3 mugs at 12.50 and 2 pens at 2.50, 20 % VAT. */
const orderJson = (id: string, email: string, extra = "") => `{
  "id": ${id},
  "admin_graphql_api_id": "gid://shopify/Order/${id}",
  "email": "${email}",
  "currency": "EUR",
  "taxes_included": false,
  "financial_status": "paid",
  "customer": { "id": 115310627314723954, "email": "${email}", "first_name": "Ada", "last_name": "Shop" },
  "line_items": [
    { "id": ${MUG_ITEM_ID}, "sku": "SHOP-MUG", "title": "Mug", "quantity": 3, "current_quantity": 3,
      "price": "12.50", "tax_lines": [{ "title": "VAT", "price": "7.50", "rate": 0.2 }] },
    { "id": ${PEN_ITEM_ID}, "sku": "SHOP-PEN", "title": "Pen", "quantity": 2, "current_quantity": 2,
      "price": "2.50", "tax_lines": [{ "title": "VAT", "price": "1.00", "rate": 0.2 }] }
  ]${extra}
}`;

const post = (topic: string, body: string, signature?: string) =>
  postShopifyWebhook(gateway, topic, body, SECRET, signature);

/** Places the Shopify order through `orders/create` once inventory's products reached orders. */
async function placed(id: string, email: string): Promise<string> {
  const answer = await waitFor(
    async () => {
      const sent = await post("orders/create", orderJson(id, email));
      return sent.status === 422 ? undefined : sent;
    },
    { description: "orders to know the SKUs", timeoutMs: 30_000, intervalMs: 200 },
  );
  expect(answer.status).toBe(201);
  return answer.body["orderId"] as string;
}

type OrderView = { cancelledAt: string | null; lines: { id: string; sku: string }[] };
const orderView = async (id: string) =>
  (
    await execute<{ order: OrderView }>(
      gateway,
      `query ($id: ID!) { order(id: $id) { cancelledAt lines { id sku } } }`,
      { id },
    )
  ).order;

type Delivery = {
  kind: string;
  reference: string;
  state: string;
  parked: boolean;
  externalId: string | null;
  lastError: string | null;
};
const deliveries = async () => {
  const { connectors } = await execute<{ connectors: { deliveries: Paged<Delivery> }[] }>(
    gateway,
    `{ connectors { deliveries(first: 100) { edges { node { kind reference state parked externalId lastError } } } } }`,
  );
  return nodes(connectors[0]?.deliveries ?? { edges: [] });
};

const returnsOf = async (orderId: string) =>
  nodes(
    (
      await execute<{ returns: Paged<{ id: string }> }>(
        gateway,
        `query ($orderId: ID!) { returns(orderId: $orderId, first: 20) { edges { node { id } } } }`,
        { orderId },
      )
    ).returns,
  );

describe("a Shopify order through the hub and back to the shop", () => {
  it("is placed, partly shipped, returned and credited: one fulfilment with tracking, one refund with its money and restock, across a 5xx and a timeout", async () => {
    const shopifyId = "6012345678901239001";
    // The shop's side of the order: paid in one sale of 51.00 (45.00 of mugs, 6.00 of pens).
    const shopOrder = shop.addOrder(
      shopifyId,
      [
        { sku: "SHOP-MUG", quantity: 3 },
        { sku: "SHOP-PEN", quantity: 2 },
      ],
      { amount: "51.00", currency: "EUR", gateway: "shopify_payments" },
    );
    const [sale] = shop.transactions(shopOrder);
    const orderId = await placed(shopifyId, "ada@example.com");
    const [mugLine, penLine] = (await orderView(orderId)).lines;

    // Two of three mugs and one of two pens ship; the shop answers 502 after creating the
    // fulfilment.
    shop.failAfterEffect("5xx", "fulfillmentCreate");
    const shipment = await confirmWhenKnown(gateway, {
      orderId,
      warehouse: "AMS1",
      lines: [
        { lineId: mugLine?.id ?? "", quantity: 2 },
        { lineId: penLine?.id ?? "", quantity: 1 },
      ],
      carrier: "UPS",
      service: "Standard",
      trackingNumber: "1ZSHOPIFYE2E01",
      shippedAt: new Date().toISOString(),
      shippingCharge: "4.00",
    });
    expect(shipment.__typename).toBe("Shipment");
    await waitFor(
      async () =>
        (await deliveries()).some((d) => d.kind === "DESPATCH" && d.state === "DELIVERED"),
      { description: "the fulfilment delivered", timeoutMs: 30_000 },
    );
    expect(shop.fulfillments).toHaveLength(1);
    expect(shop.fulfillments[0]).toMatchObject({
      orderId: shopOrder,
      trackingInfo: [
        {
          number: "1ZSHOPIFYE2E01",
          company: "UPS",
          url: "https://www.ups.com/track?tracknum=1ZSHOPIFYE2E01",
        },
      ],
      lineItems: [{ quantity: 2 }, { quantity: 1 }],
    });

    // The customer asks for a mug and the pen back in Shopify; Shopify delivers the webhook twice.
    const request = `{
      "id": 8001, "admin_graphql_api_id": "gid://shopify/Return/8001", "status": "requested",
      "order": { "id": ${shopifyId} },
      "return_line_items": [
        { "id": 9001, "quantity": 1, "return_reason": "defective",
          "fulfillment_line_item": { "id": 7001, "line_item": { "id": ${MUG_ITEM_ID} } } },
        { "id": 9002, "quantity": 1, "return_reason": "defective",
          "fulfillment_line_item": { "id": 7002, "line_item": { "id": ${PEN_ITEM_ID} } } }
      ]
    }`;
    const requested = await waitFor(
      async () => {
        const sent = await post("returns/request", request);
        return sent.status === 422 ? undefined : sent; // returns has not heard of the shipment
      },
      { description: "returns to know the shipment", timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(requested.status).toBe(201);
    const returnId = requested.body["returnId"] as string;
    expect(await post("returns/request", request)).toEqual({
      status: 200,
      body: { returnId, created: false },
    });

    // The mug goes back on the shelf, the pen is scrapped; the refund's first answer is lost.
    shop.failAfterEffect("timeout", "refundCreate");
    const received = await receiveReturn(gateway, returnId, [
      { lineId: mugLine?.id ?? "", received: 1, disposition: "RESTOCK" },
      { lineId: penLine?.id ?? "", received: 1, disposition: "SCRAP" },
    ]);
    expect(received.__typename).toBe("Return");
    await closed(gateway, returnId);
    const view = await moneyWhen(
      gateway,
      orderId,
      "the credit note",
      (v) => nodes(v.creditNotes).length === 1,
    );
    const [creditNote] = nodes(view.creditNotes);
    // Delivered, or parked with its reason.
    const refunded = await waitFor(
      async () =>
        (await deliveries()).find(
          (d) => d.reference === creditNote?.number && (d.state === "DELIVERED" || d.parked),
        ),
      { description: "the refund delivered", timeoutMs: 30_000 },
    );
    expect(refunded).toMatchObject({ state: "DELIVERED", lastError: null });
    expect(shop.refunds).toHaveLength(1);
    const [refund] = shop.refunds;
    expect(refunded.externalId).toBe(refund?.id);
    expect(refund?.note).toBe(`Waybill credit note ${creditNote?.number}`);
    const [mugItem, penItem] = shop.lineItems(shopOrder).map((item) => item.id);
    expect(refund?.refundLineItems).toEqual([
      { lineItemId: mugItem, quantity: 1, restockType: "RETURN", locationId: LOCATION },
      { lineItemId: penItem, quantity: 1, restockType: "NO_RESTOCK" },
    ]);
    // A mug and a pen with their VAT (15.00 + 3.00), back through the sale.
    expect(refund?.transactions).toEqual([
      { parentId: sale?.id, gateway: "shopify_payments", amount: "18.00" },
    ]);
    expect(shop.restocks).toEqual([{ lineItemId: mugItem, quantity: 1, locationId: LOCATION }]);
    // The shop did fail both: a 502 on the fulfilment and no answer in time on the refund.
    expect(shop.requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operation: "WaybillFulfillmentCreate", status: 502 }),
        expect.objectContaining({ operation: "WaybillRefundCreate", status: 0 }),
      ]),
    );

    // Shopify tells of the refund Waybill made: not a new return.
    const own = `{ "id": 6001, "order_id": ${shopifyId}, "note": "${refund?.note}",
      "refund_line_items": [{ "line_item_id": ${MUG_ITEM_ID}, "quantity": 1, "restock_type": "return" }] }`;
    expect(await post("refunds/create", own)).toMatchObject({
      status: 200,
      body: { returnId: null },
    });
    expect(await returnsOf(orderId)).toEqual([{ id: returnId }]);
    expect(shop.fulfillments).toHaveLength(1);
    expect(shop.refunds).toHaveLength(1);
  });

  it("orders/cancelled cancels the order; tampered deliveries of the new topics are refused and change nothing", async () => {
    const shopifyId = "6012345678901239002";
    const orderId = await placed(shopifyId, "ada.cancel@example.com");
    const cancelled = orderJson(
      shopifyId,
      "ada.cancel@example.com",
      `, "cancel_reason": "customer"`,
    );
    const request = `{ "id": 8002, "order": { "id": ${shopifyId} }, "return_line_items": [{ "id": 9002,
      "quantity": 1, "line_item_id": ${MUG_ITEM_ID} }] }`;
    const refund = `{ "id": 6002, "order_id": ${shopifyId}, "note": null, "refund_line_items": [
      { "line_item_id": ${MUG_ITEM_ID}, "quantity": 1, "restock_type": "return" }] }`;
    const updated = orderJson(shopifyId, "ada.cancel@example.com").replace(
      '"quantity": 2, "current_quantity": 2',
      '"quantity": 2, "current_quantity": 0',
    );
    for (const [topic, body] of [
      ["orders/cancelled", cancelled],
      ["orders/updated", updated],
      ["returns/request", request],
      ["refunds/create", refund],
    ] as const) {
      // Signed by someone without the secret.
      const forged = await postShopifyWebhook(gateway, topic, body, "not-the-secret-0123456789");
      expect(forged.status, topic).toBe(401);
    }
    const untouched = await orderView(orderId);
    expect(untouched.cancelledAt).toBeNull();
    expect(await returnsOf(orderId)).toEqual([]);

    expect(await post("orders/cancelled", cancelled)).toEqual({ status: 200, body: { orderId } });
    expect((await orderView(orderId)).cancelledAt).not.toBeNull();
    expect(await post("orders/cancelled", cancelled)).toEqual({ status: 200, body: { orderId } });
  });
});
