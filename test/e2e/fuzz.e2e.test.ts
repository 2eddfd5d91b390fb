import fc from "fast-check";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { PLACE_ORDER } from "../documents/orders.ts";
import { CONFIRM_SHIPMENT, RECORD_MILESTONE } from "../documents/shipments.ts";
import { credentialHeaders, execute, nodes, request, type Paged } from "../support/graphql.ts";
import { placeDemoOrder } from "../support/orders.ts";
import { postShopifyOrder } from "../support/shopify.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

const SECRET = "fuzz-shopify-webhook-secret-0123456789";
let system: TestSystem;
let gateway: string;
let customerId: string;
let orderId: string;
let lineId: string;
let endpointId: string;

beforeAll(async () => {
  system = await startTestSystem({ SHOPIFY_WEBHOOK_SECRET: SECRET });
  gateway = system.gatewayUrl;
  await execute(gateway, CREATE_PRODUCT, {
    sku: "FUZZ-1",
    name: "Fuzz",
    warehouse: "AMS1",
    quantity: 100,
  });
  const placed = await placeDemoOrder(gateway, [
    { sku: "FUZZ-1", quantity: 2, unitPrice: "1.00", taxRate: "20" },
  ]);
  ({ customerId, orderId } = placed);
  lineId = placed.lineIds[0] ?? "";
  // A public address literal passes registration; no event of this account will ever reach it.
  const registered = await execute<{ registerWebhookEndpoint: { endpoint: { id: string } } }>(
    gateway,
    `mutation { registerWebhookEndpoint(url: "https://93.184.216.34/hooks", eventTypes: ["returns.return.cancelled"], accounts: ["cus_nobody"]) { endpoint { id } } }`,
  );
  endpointId = registered.registerWebhookEndpoint.endpoint.id;
});

afterAll(async () => {
  // dispose() fails the suite when any process died along the way.
  await system?.dispose();
});

const counts = async () =>
  await execute<{ orders: Paged<unknown>; shipments: Paged<unknown> }>(
    gateway,
    `query ($id: ID!) { orders(first: 200) { edges { node { id } } } shipments(orderId: $id) { edges { node { id } } } }`,
    { id: orderId },
  );

// Fuzzed variables are outside the documents' types on purpose: the documents go as text.
const PLACE_ORDER_TEXT = print(PLACE_ORDER);
const CONFIRM_SHIPMENT_TEXT = print(CONFIRM_SHIPMENT);
const RECORD_MILESTONE_TEXT = print(RECORD_MILESTONE);

/** Anything JSON can carry, biased to the values that break parsers and validators. */
const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    null,
    true,
    -1,
    0,
    2 ** 53,
    "",
    "1e9",
    "NaN",
    "-0.001",
    "9".repeat(40),
    "<script>",
    "DROP TABLE",
  ),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);

/** The answer is a clear GraphQL error with a code, or a typed result: never a crash, never a 5xx. */
function clear(answer: {
  status: number;
  data?: unknown;
  errors?: { extensions?: { code?: string } }[];
}): void {
  expect(answer.status).toBeLessThan(500);
  if (answer.errors?.length)
    for (const error of answer.errors) {
      expect(error.extensions?.code).toMatch(/^[A-Z_]+$/);
      // A client's mistake is never the hub's own failure.
      expect(error.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
    }
  else expect(answer.data).toBeTruthy();
}

describe("fuzzed input through the gateway", () => {
  it("answers random placeOrder, confirmShipment and recordMilestone variables clearly and writes only what it accepts", async () => {
    const before = await counts();
    let placed = 0;
    let shipped = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          customerId: fc.oneof(fc.constant(customerId), junk),
          channel: junk,
          currency: fc.oneof(fc.constant("EUR"), junk),
          lines: fc.oneof(
            junk,
            fc.array(
              fc.record({
                sku: fc.oneof(fc.constant("FUZZ-1"), junk),
                quantity: junk,
                unitPrice: junk,
                taxRate: junk,
              }),
              { maxLength: 3 },
            ),
          ),
        }),
        fc.record({
          orderId: fc.oneof(fc.constant(orderId), junk),
          warehouse: junk,
          carrier: junk,
          service: junk,
          trackingNumber: junk,
          shippedAt: junk,
          shippingCharge: junk,
          lines: fc.oneof(
            junk,
            fc.array(fc.record({ lineId: fc.oneof(fc.constant(lineId), junk), quantity: junk }), {
              maxLength: 2,
            }),
          ),
        }),
        fc.record({
          shipmentId: junk,
          type: fc.oneof(fc.constant("DELIVERED"), junk),
          occurredAt: junk,
          deliveredQuantity: junk,
        }),
        async (order, shipment, milestone) => {
          const a = await request<{ placeOrder: { __typename: string } }>(
            gateway,
            PLACE_ORDER_TEXT,
            { input: order },
          );
          clear(a);
          if (a.data?.placeOrder.__typename === "Order") placed += 1;
          const b = await request<{ confirmShipment: { __typename: string } }>(
            gateway,
            CONFIRM_SHIPMENT_TEXT,
            { input: shipment },
          );
          clear(b);
          if (b.data?.confirmShipment.__typename === "Shipment") shipped += 1;
          clear(await request(gateway, RECORD_MILESTONE_TEXT, { input: milestone }));
        },
      ),
      { numRuns: 150 },
    );
    const after = await counts();
    expect(after.orders.edges.length - before.orders.edges.length).toBe(placed);
    expect(after.shipments.edges.length - before.shipments.edges.length).toBe(shipped);
  });

  it("answers random page arguments on every list clearly and writes nothing", async () => {
    const before = await counts();
    const page = "edges { cursor node { __typename } } pageInfo { hasNextPage endCursor }";
    const args = "first: $first, after: $after";
    const lists = [
      `orders(${args}) { ${page} }`,
      `customers(${args}) { ${page} }`,
      `invoices(${args}) { ${page} }`,
      `serviceCases(${args}) { ${page} }`,
      `products(${args}) { ${page} }`,
      `stockExceptions(${args}) { ${page} }`,
      `parkedMilestones(${args}) { ${page} }`,
      `webhookReceipts(${args}) { ${page} }`,
      `webhookEndpoints(${args}) { ${page} }`,
      `exceptions(${args}) { ${page} }`,
      `apiKeys(${args}) { ${page} }`,
      `shipments(orderId: "${orderId}", ${args}) { ${page} }`,
      `returns(orderId: "${orderId}", ${args}) { ${page} }`,
      `customer(id: "${customerId}") { orders(${args}) { ${page} } }`,
      `product(sku: "FUZZ-1") { movements(${args}) { ${page} } }`,
      `webhookEndpoint(id: "${endpointId}") { deliveries(${args}) { ${page} } }`,
      ...["shipments", "invoices", "returns", "serviceCases", "timeline"].map(
        (list) => `order(id: "${orderId}") { ${list}(${args}) { ${page} } }`,
      ),
    ];
    const cursor = Buffer.from(JSON.stringify([Date.now(), "x"])).toString("base64url");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...lists),
        fc.oneof(
          junk,
          fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
          fc.constantFrom(0, -1, 1, 200, 201, 2 ** 31 - 1, 2 ** 31, 1e12),
        ),
        fc.oneof(junk, fc.base64String(), fc.constantFrom(cursor, "W10", "e30", "AAAA")),
        async (list, first, after) => {
          clear(
            await request(gateway, `query ($first: Int, $after: String) { ${list} }`, {
              first,
              after,
            }),
          );
        },
      ),
      { numRuns: 150 },
    );
    expect(await counts()).toEqual(before);
  });

  it("answers random webhook registrations clearly and keeps none it refused", async () => {
    const endpoints = async () =>
      (
        await execute<{ webhookEndpoints: Paged<unknown> }>(
          gateway,
          `{ webhookEndpoints(first: 200) { edges { node { id } } } }`,
        )
      ).webhookEndpoints.edges.length;
    const before = await endpoints();
    const url = fc.oneof(
      junk,
      fc.constantFrom(
        "http://93.184.216.34/",
        "https://10.0.0.1/",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/",
        "https://[fd00:ec2::254]/",
        "https://0x7f.1/",
        "ftp://93.184.216.34/",
        "https://user:pass@93.184.216.34/",
      ),
    );
    const types = fc.oneof(
      junk,
      fc.constant(["orders.order.updated"]),
      fc.array(fc.constantFrom("orders.order.placed", "orders.order.updated", "")),
    );
    await fc.assert(
      fc.asyncProperty(
        url,
        types,
        fc.oneof(junk, fc.constant([])),
        async (u, eventTypes, accounts) => {
          clear(
            await request(
              gateway,
              `mutation ($u: String!, $t: [String!]!, $a: [ID!]!) { registerWebhookEndpoint(url: $u, eventTypes: $t, accounts: $a) { secret } }`,
              { u, t: eventTypes, a: accounts },
            ),
          );
        },
      ),
      { numRuns: 100 },
    );
    expect(await endpoints()).toBe(before);
  });

  it("answers far-future, far-past and malformed instants clearly, and writes only what it accepts", async () => {
    const shipment = await execute(gateway, CONFIRM_SHIPMENT, {
      input: {
        orderId,
        warehouse: "AMS1",
        lines: [{ lineId, quantity: 1 }],
        carrier: "DHL",
        service: "Express",
        trackingNumber: "FUZZ-TIME",
        shippedAt: new Date().toISOString(),
        shippingCharge: "0",
      },
    });
    const shipmentId = "id" in shipment.confirmShipment ? shipment.confirmShipment.id : "";
    expect(shipmentId).not.toBe("");
    const milestones = async () =>
      (
        await execute<{ shipment: { milestones: { totalCount: number } } }>(
          gateway,
          `query ($id: ID!) { shipment(id: $id) { milestones { totalCount } } }`,
          { id: shipmentId },
        )
      ).shipment.milestones.totalCount;
    const day = 86_400_000;
    const instant = fc.oneof(
      // Far future, far past and everything between, as ISO strings.
      fc
        .integer({ min: -10_000 * 365, max: 10_000 * 365 })
        .map((days) => new Date(Date.now() + days * day))
        .filter((date) => !Number.isNaN(date.getTime()))
        .map((date) => date.toISOString()),
      fc.constantFrom(
        "yesterday",
        "2026-02-30T00:00:00Z",
        "2026-01-01",
        "2026-01-01T25:00:00Z",
        "+275760-09-13T00:00:00.000Z",
        "0000-01-01T00:00:00Z",
        "",
      ),
      junk,
    );
    const before = {
      shipments: nodes((await counts()).shipments).length,
      milestones: await milestones(),
    };
    let shipped = 0;
    let recorded = 0;
    await fc.assert(
      fc.asyncProperty(instant, instant, async (shippedAt, occurredAt) => {
        const confirm = await request<{ confirmShipment: { __typename: string } }>(
          gateway,
          CONFIRM_SHIPMENT_TEXT,
          {
            input: {
              orderId,
              warehouse: "AMS1",
              lines: [{ lineId, quantity: 1 }],
              carrier: "DHL",
              service: "Express",
              trackingNumber: "FUZZ-TIME-2",
              shippedAt,
              shippingCharge: "0",
            },
          },
        );
        clear(confirm);
        if (confirm.data?.confirmShipment.__typename === "Shipment") shipped += 1;
        const milestone = await request<{
          recordMilestone: { __typename: string };
        }>(gateway, RECORD_MILESTONE_TEXT, {
          input: { shipmentId, type: "IN_TRANSIT", occurredAt },
        });
        clear(milestone);
        if (milestone.data?.recordMilestone.__typename === "Shipment") recorded += 1;
        if (typeof occurredAt === "string" && Date.parse(occurredAt) > Date.now() + 600_000)
          expect(milestone.data?.recordMilestone.__typename).not.toBe("Shipment");
      }),
      { numRuns: 100 },
    );
    const after = {
      shipments: nodes((await counts()).shipments).length,
      milestones: await milestones(),
    };
    expect(after.shipments - before.shipments).toBe(shipped);
    // A repeated instant of the same type is a duplicate: recorded, but no second milestone.
    expect(after.milestones - before.milestones).toBeLessThanOrEqual(recorded);
  });

  it("answers random Shopify webhook bodies with 4xx and a reason, signed or not, and writes nothing", async () => {
    const before = (await counts()).orders.edges.length;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify({ id: 1, line_items: v })),
        ),
        fc.boolean(),
        async (body, signed) => {
          const answer = await postShopifyOrder(
            gateway,
            body,
            signed ? SECRET : "wrong-secret-wrong-secret",
          );
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
          expect(JSON.stringify(answer.body)).toMatch(/[a-z]{3}/i);
        },
      ),
      { numRuns: 100 },
    );
    expect((await counts()).orders.edges.length).toBe(before);
  });

  it("refuses oversized bodies, wrong content types and broken JSON with a status and a code", async () => {
    const big = await fetch(gateway, {
      method: "POST",
      headers: { ...credentialHeaders(gateway), "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ customers { edges { node { id } } } }`,
        pad: "x".repeat(2 * 1024 * 1024),
      }),
    });
    expect(big.status).toBe(413);
    expect(
      ((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions
        .code,
    ).toBe("PAYLOAD_TOO_LARGE");
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const wrong = await fetch(gateway, {
        method: "POST",
        headers: { ...credentialHeaders(gateway), "content-type": type },
        body: "query={customers{id}}",
      });
      expect(wrong.status).toBe(415);
    }
    const broken = await fetch(gateway, {
      method: "POST",
      headers: { ...credentialHeaders(gateway), "content-type": "application/json" },
      body: '{"query": "{ customers { id } }"',
    });
    expect(broken.status).toBe(400);
    const hugeHook = await fetch(new URL("/webhooks/shopify/orders-create", gateway), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "[" + "1,".repeat(1_000_000) + "1]",
    });
    expect(hugeHook.status).toBe(413);
  });
});
