import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestWoocommerce,
  type TestWoocommerce,
} from "../../services/integrations/test/support/woocommerce-server.ts";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { execute, nodes, type Paged } from "../support/graphql.ts";
import { productStock } from "../support/inventory.ts";
import { closed, moneyWhen, receiveReturn, requestReturn, ship } from "../support/money-path.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// A WooCommerce store both ways through the whole hub: its order webhooks through the gateway
// into orders, and the connector's notes, refunds and stock back into the store. The store is
// services/integrations/test/support/woocommerce-server.ts, which follows the WooCommerce REST
// API v3 docs for orders, order notes, refunds, batch updates and webhook delivery (named in its
// header).

const SECRET = "e2e-woocommerce-webhook-secret-0123";
const MUG = 501;
let system: TestSystem;
let gateway: string;
let shop: TestWoocommerce;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-woocommerce-e2e-"));
  shop = await startTestWoocommerce({ slowMs: 2_000 });
  const mappingPath = join(dir, "woocommerce-mapping.json");
  await writeFile(
    mappingPath,
    JSON.stringify({
      channel: "woocommerce",
      carriers: {
        UPS: { name: "UPS", trackingUrl: "https://www.ups.com/track?tracknum={trackingNumber}" },
      },
      warehouse: "AMS1",
      products: { "WC-MUG": { product: MUG }, "WC-PEN": { product: 500, variation: 502 } },
      apiRefund: false,
    }),
  );
  system = await startTestSystem({
    WOOCOMMERCE_WEBHOOK_SECRET: SECRET,
    CONNECTORS: "woocommerce",
    CONNECTOR_RETRY_SCHEDULE: "0,0.2,0.5,1,2,5",
    CONNECTOR_POLL_MS: "100",
    WOOCOMMERCE_URL: shop.url,
    WOOCOMMERCE_CONSUMER_KEY: shop.consumerKey,
    WOOCOMMERCE_CONSUMER_SECRET: shop.consumerSecret,
    WOOCOMMERCE_MAPPING_FILE: mappingPath,
    WOOCOMMERCE_TIMEOUT_SECONDS: "1",
    STOCK_FEED_DEBOUNCE_MS: "300",
    STOCK_FEED_MAX_STALENESS_MS: "3000",
  });
  gateway = system.gatewayUrl;
  for (const sku of ["WC-MUG", "WC-PEN"])
    await execute(gateway, CREATE_PRODUCT, { sku, name: sku, warehouse: "AMS1", quantity: 500 });
}, 120_000);

afterAll(async () => {
  await system?.dispose();
  await shop?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A paid order in the store: three mugs at 10.00 and two pens at 2.50, 20 % VAT. */
const addOrder = (id: number) =>
  shop.addOrder({
    id,
    email: `woo-${id}@example.com`,
    lines: [
      { sku: "WC-MUG", quantity: 3, price: "10.00", taxRate: "20", product: MUG },
      { sku: "WC-PEN", quantity: 2, price: "2.50", taxRate: "20", product: 502 },
    ],
  });

/** Delivers the store's webhook for the order through the gateway, as the store sends it. */
async function deliver(id: number, change: (body: string) => string = (body) => body) {
  const { body, headers } = shop.webhook(id, "order.created", SECRET);
  const response = await fetch(new URL("/webhooks/woocommerce/order-created", gateway), {
    method: "POST",
    headers,
    body: change(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Delivers until the orders service has learned the SKUs from inventory (422 writes nothing). */
const placed = (id: number) =>
  waitFor(
    async () => {
      const answer = await deliver(id);
      return answer.status === 422 ? undefined : answer;
    },
    { description: "orders to know the SKUs", timeoutMs: 30_000, intervalMs: 200 },
  );

type Order = { id: string; channel: string; externalReference: string | null };

const orderLines = async (orderId: string) =>
  (
    await execute<{ order: { lines: { id: string }[] } }>(
      gateway,
      `query ($id: ID!) { order(id: $id) { lines { id } } }`,
      { id: orderId },
    )
  ).order.lines.map((line) => line.id);

const ordersOfStore = async () =>
  nodes(
    (
      await execute<{ orders: Paged<Order> }>(
        gateway,
        `{ orders(first: 200) { edges { node { id channel externalReference } } } }`,
      )
    ).orders,
  ).filter((order) => order.channel === "woocommerce");

const notesOf = (orderId: number) => shop.notes.filter((note) => note.orderId === orderId);

describe("a WooCommerce store through the hub", () => {
  it("an order placed by webhook is shipped in two parts, returned and credited: one note per shipment, one refund restocking the returned mug, across a 5xx and a timeout", async () => {
    addOrder(4001);
    const first = await placed(4001);
    expect(first).toMatchObject({ status: 201, body: { created: true } });
    const orderId = String(first.body["orderId"]);
    expect(await deliver(4001)).toEqual({ status: 200, body: { orderId, created: false } });
    const [mugLine = "", penLine = ""] = await orderLines(orderId);

    // The note is stored, then the store's proxy answers 502: the retry finds it by our reference.
    shop.failAfterEffect("5xx", /\/notes$/);
    const shipment = await ship(gateway, orderId, [{ lineId: mugLine, quantity: 2 }]);
    const note = await waitFor(() => notesOf(4001)[0], {
      description: "the tracking note",
      timeoutMs: 30_000,
    });
    expect(note.customer_note).toBe(true);
    expect(note.note).toContain("Shipped with UPS, tracking number 1Z");
    expect(note.note).toContain("2 × WC-MUG");
    expect(note.note.split("\n").at(-1)).toBe(`Waybill shipment ${shipment}`);
    expect(shop.order(4001)?.status).toBe("processing");

    // The rest ships; setting the order completed times out after taking effect.
    shop.failAfterEffect("timeout", /^\/orders\/\d+$/);
    await ship(gateway, orderId, [
      { lineId: mugLine, quantity: 1 },
      { lineId: penLine, quantity: 2 },
    ]);
    await waitFor(() => shop.order(4001)?.status === "completed", {
      description: "the order completed",
      timeoutMs: 30_000,
    });

    // One mug comes back to the shelf; the credit note's refund is stored, then answered 502.
    shop.failAfterEffect("5xx", /\/refunds$/);
    const returnId = await requestReturn(gateway, orderId, [{ lineId: mugLine, quantity: 1 }]);
    await receiveReturn(gateway, returnId, [
      { lineId: mugLine, received: 1, disposition: "RESTOCK" },
    ]);
    await closed(gateway, returnId);
    const view = await moneyWhen(
      gateway,
      orderId,
      "the credit note",
      (v) => nodes(v.creditNotes).length === 1,
    );
    const [creditNote] = nodes(view.creditNotes);
    const refund = await waitFor(
      () => shop.refunds.find((candidate) => candidate.orderId === 4001),
      { description: "the refund", timeoutMs: 30_000 },
    );
    const mugItem = shop.order(4001)?.line_items[0]?.id;
    expect(refund).toMatchObject({
      amount: "12.00",
      reason: `Waybill credit note ${creditNote?.number} (restocked)`,
      api_refund: false,
      api_restock: true,
      line_items: [
        {
          id: mugItem,
          quantity: 1,
          refund_total: "10.00",
          refund_tax: [{ id: 72, refund_total: "2.00" }],
        },
      ],
    });
    // The delivery log settles before the counts are read, so no retry is still on its way.
    await waitFor(
      async () => {
        const { connectors } = await execute<{
          connectors: { deliveries: Paged<{ reference: string; state: string }> }[];
        }>(
          gateway,
          `{ connectors { deliveries(first: 100) { edges { node { reference state } } } } }`,
        );
        const deliveries = nodes(connectors[0]?.deliveries ?? { edges: [] });
        return (
          deliveries.find((d) => d.reference === creditNote?.number)?.state === "DELIVERED" &&
          deliveries.filter((d) => d.state === "DELIVERED").length >= 3
        );
      },
      { description: "the deliveries logged", timeoutMs: 30_000 },
    );
    expect(notesOf(4001)).toHaveLength(2);
    expect(shop.refunds.filter((candidate) => candidate.orderId === 4001)).toHaveLength(1);
    const writes = (path: RegExp) =>
      shop.requests.filter((request) => request.method !== "GET" && path.test(request.path));
    expect(writes(/^\/orders\/4001$/)).toHaveLength(1);
    // The 5xx and the timeout did happen, after the effect.
    expect(writes(/^\/orders\/4001\/notes$/).map((request) => request.status)).toEqual([502, 201]);
    expect(writes(/^\/orders\/4001\/refunds$/).map((request) => request.status)).toEqual([502]);
  });

  it("a burst of reservations reaches the store as a few batch calls, ending at available-to-promise", async () => {
    const before = shop.batches.length;
    const ids = Array.from({ length: 20 }, (_, n) => 4100 + n);
    for (const id of ids) addOrder(id);
    const answers = await Promise.all(ids.map((id) => placed(id)));
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    const available = (await productStock(gateway, "WC-MUG")).stock.find(
      (level) => level.warehouse === "AMS1",
    )?.available;
    expect(available).toBeLessThanOrEqual(500 - 60);
    await waitFor(() => shop.stock.get(MUG) === available, {
      description: `the store's mug stock at ${available}`,
      timeoutMs: 30_000,
    });
    const pens = (await productStock(gateway, "WC-PEN")).stock.find(
      (level) => level.warehouse === "AMS1",
    )?.available;
    await waitFor(() => shop.stock.get(502) === pens, {
      description: `the store's pen stock at ${pens}`,
      timeoutMs: 30_000,
    });
    // 40 reservations of two SKUs: a handful of calls, not forty.
    const calls = shop.batches.length - before;
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(12);
  });

  it("a tampered signature is refused and writes nothing", async () => {
    addOrder(4999);
    const tampered = await deliver(4999, (body) => body.replace('"quantity":3', '"quantity":30'));
    expect(tampered).toMatchObject({ status: 401, body: { error: { code: "INVALID_SIGNATURE" } } });
    expect((await ordersOfStore()).map((order) => order.externalReference)).not.toContain("4999");
    const { webhookReceipts } = await execute<{
      webhookReceipts: Paged<{ source: string; payload: string }>;
    }>(gateway, `{ webhookReceipts(first: 100) { edges { node { source payload } } } }`);
    expect(
      nodes(webhookReceipts).filter((receipt) => receipt.payload.includes('"id":4999')),
    ).toEqual([]);
  });
});
