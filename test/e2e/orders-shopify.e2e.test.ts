import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { execute, nodes, type Paged } from "../support/graphql.ts";
import { serviceView } from "../support/orders.ts";
import { postShopifyOrder } from "../support/shopify.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

const SECRET = "e2e-shopify-webhook-secret-0123456789";
let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  system = await startTestSystem({ SHOPIFY_WEBHOOK_SECRET: SECRET });
  gateway = system.gatewayUrl;
  await execute(gateway, CREATE_PRODUCT, {
    sku: "MUG-1",
    name: "Mug",
    warehouse: "AMS1",
    quantity: 25,
  });
});

afterAll(async () => {
  await system?.dispose();
});

/** An `orders/create` payload in Shopify's REST shape (ids are 64-bit, written as raw digits). */
function shopifyOrder(id: string, email: string, sku = "MUG-1"): string {
  return `{
    "id": ${id},
    "admin_graphql_api_id": "gid://shopify/Order/${id}",
    "name": "#1001",
    "email": "${email}",
    "created_at": "2026-03-01T10:00:00-05:00",
    "currency": "EUR",
    "taxes_included": false,
    "financial_status": "paid",
    "total_price": "47.98",
    "customer": { "id": 115310627314723954, "email": "${email}", "first_name": "Bob", "last_name": "Norman" },
    "line_items": [
      {
        "id": 866550311766439020, "variant_id": 808950810, "product_id": 632910392,
        "title": "Mug", "sku": "${sku}", "quantity": 2, "price": "19.99", "total_discount": "0.00",
        "requires_shipping": true, "fulfillment_status": null,
        "tax_lines": [{ "title": "VAT", "price": "8.00", "rate": 0.2 }]
      }
    ],
    "shipping_lines": [{ "id": 369256396, "title": "Standard", "price": "4.95", "code": "Standard" }]
  }`;
}

/** Posts until the orders service has learned the product from inventory (422 writes nothing). */
const postWhenSkuKnown = (body: string) =>
  waitFor(
    async () => {
      const answer = await postShopifyOrder(gateway, body, SECRET);
      return answer.status === 422 ? undefined : answer;
    },
    { description: "orders to know MUG-1", timeoutMs: 30_000, intervalMs: 200 },
  );

const customerEmails = async () =>
  (
    await execute<{ customers: Paged<{ email: string }> }>(
      gateway,
      "{ customers(first: 200) { edges { node { email } } } }",
    )
  ).customers.edges.map(({ node }) => node.email);

describe("Shopify orders/create through the gateway", () => {
  it("places a Shopify order once, however often it is delivered", async () => {
    const body = shopifyOrder("6012345678901234567", "Bob.Norman@example.com");
    const first = await postWhenSkuKnown(body);
    expect(first.status).toBe(201);
    const orderId = first.body.orderId as string;
    const again = await postShopifyOrder(gateway, body, SECRET);
    expect(again).toEqual({ status: 200, body: { orderId, created: false } });

    const order = await serviceView(gateway, orderId);
    expect(order).toMatchObject({
      channel: "shopify",
      externalReference: "6012345678901234567",
      customer: { email: "bob.norman@example.com", billingPolicy: "ON_SHIPMENT" },
      lines: [{ sku: "MUG-1", quantity: 2, unitPrice: { amount: "19.99" }, taxRate: "20" }],
    });
    const { orders } = await execute<{ orders: Paged<{ externalReference: string | null }> }>(
      gateway,
      "{ orders(first: 200) { edges { node { externalReference } } } }",
    );
    expect(nodes(orders).filter((o) => o.externalReference === "6012345678901234567")).toHaveLength(
      1,
    );
  });

  it("refuses a bad signature (401), a malformed order (400) and an unknown SKU (422), writing nothing", async () => {
    const email = "mallory@example.com";
    const body = shopifyOrder("6012345678901234999", email);
    const forged = await postShopifyOrder(gateway, body, "not-the-shop-secret-0123456789");
    expect(forged).toMatchObject({ status: 401, body: { error: { code: "INVALID_SIGNATURE" } } });

    const malformed = await postShopifyOrder(
      gateway,
      body.replace('"quantity": 2', '"quantity": 0'),
      SECRET,
    );
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain("line_items.0.quantity");

    const unknownSku = await postShopifyOrder(
      gateway,
      shopifyOrder("6012345678901234998", email, "GHOST-1"),
      SECRET,
    );
    expect(unknownSku.status).toBe(422);
    expect(JSON.stringify(unknownSku.body)).toContain("GHOST-1");

    expect(await customerEmails()).not.toContain(email);
    const { orders } = await execute<{ orders: Paged<{ externalReference: string | null }> }>(
      gateway,
      "{ orders(first: 200) { edges { node { externalReference } } } }",
    );
    const references = nodes(orders).map((o) => o.externalReference);
    expect(references).not.toContain("6012345678901234999");
    expect(references).not.toContain("6012345678901234998");
  });
});
