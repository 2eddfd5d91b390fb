import { randomBytes } from "node:crypto";
import type { VariablesOf } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricValue, scrapeMetrics, waitFor } from "@waybill/devtools";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { ORDER_SHIPMENT_PAGE } from "../documents/orders.ts";
import { CONFIRM_SHIPMENT } from "../documents/shipments.ts";
import { credentialHeaders, execute, request, type GraphQLResponse } from "../support/graphql.ts";
import { placeDemoOrder } from "../support/orders.ts";
import { confirmWhenKnown, oneUnitShipment } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

type ConfirmInput = VariablesOf<typeof CONFIRM_SHIPMENT>["input"];

const newKey = () => `key-${randomBytes(8).toString("hex")}`;
const tracking = () => `JD${randomBytes(6).toString("hex").toUpperCase()}`;
const replayed = (response: GraphQLResponse<unknown>) =>
  response.headers.get("idempotent-replayed") === "true";
const codeOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;

/** An order of 20 units that shipments already knows, with one unit shipped to learn it. */
async function shippableOrder(gateway: string) {
  const { orderId, lineIds } = await placeDemoOrder(gateway, [
    { sku: "IDEM-1", quantity: 20, unitPrice: "5.00", taxRate: "20" },
  ]);
  const lineId = lineIds[0] ?? "";
  await confirmWhenKnown(gateway, oneUnitShipment(orderId, lineId, tracking()));
  return { orderId, lineId, ship: () => oneUnitShipment(orderId, lineId, tracking()) };
}

async function shipmentCount(gateway: string, orderId: string): Promise<number> {
  const { order } = await execute(gateway, ORDER_SHIPMENT_PAGE, { id: orderId, first: 100 });
  return order?.shipments.edges.length ?? 0;
}

const confirm = (
  gateway: string,
  input: ConfirmInput,
  key: string,
  headers: Record<string, string> = {},
) => request(gateway, CONFIRM_SHIPMENT, { input }, { "idempotency-key": key, ...headers });

describe("idempotency keys at the gateway", () => {
  let system: TestSystem;
  let gateway: string;

  beforeAll(async () => {
    system = await startTestSystem();
    gateway = system.gatewayUrl;
    await execute(gateway, CREATE_PRODUCT, {
      sku: "IDEM-1",
      name: "Idempotent widget",
      warehouse: "AMS1",
      quantity: 1000,
    });
  });

  afterAll(async () => {
    await system?.dispose();
  });

  it("answers a retried confirmShipment from the first one: one shipment, the same response", async () => {
    const order = await shippableOrder(gateway);
    const before = await scrapeMetrics(new URL(gateway).origin);
    const input = order.ship();
    const key = newKey();

    const first = await confirm(gateway, input, key);
    expect(first.status).toBe(200);
    expect(first.data?.confirmShipment.__typename).toBe("Shipment");
    expect(replayed(first)).toBe(false);
    const retried = await confirm(gateway, input, key);
    expect(replayed(retried)).toBe(true);
    expect(retried.status).toBe(first.status);
    expect({ data: retried.data, errors: retried.errors }).toEqual({
      data: first.data,
      errors: first.errors,
    });
    // The same key in the request's extensions, for clients that cannot set headers.
    const viaExtensions = await fetch(gateway, {
      method: "POST",
      headers: { "content-type": "application/json", ...credentialHeaders(gateway) },
      body: JSON.stringify({
        query: print(CONFIRM_SHIPMENT),
        variables: { input },
        extensions: { idempotencyKey: key },
      }),
    });
    expect(viaExtensions.headers.get("idempotent-replayed")).toBe("true");
    expect(await viaExtensions.json()).toEqual({ data: first.data });

    expect(await shipmentCount(gateway, order.orderId)).toBe(2);
    const after = await scrapeMetrics(new URL(gateway).origin);
    const replays = (samples: typeof after) =>
      metricValue(samples, "waybill_gateway_idempotency_total", { outcome: "replayed" });
    expect(replays(after) - replays(before)).toBe(2);
  });

  it("refuses a key reused for another request with IDEMPOTENCY_KEY_REUSED, and creates nothing", async () => {
    const order = await shippableOrder(gateway);
    const key = newKey();
    expect((await confirm(gateway, order.ship(), key)).status).toBe(200);

    const reused = await confirm(gateway, order.ship(), key);
    expect(reused.status).toBe(422);
    expect(codeOf(reused)).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(reused.data).toBeUndefined();
    expect(await shipmentCount(gateway, order.orderId)).toBe(2);
    const metrics = await scrapeMetrics(new URL(gateway).origin);
    expect(
      metricValue(metrics, "waybill_gateway_idempotency_total", { outcome: "reused" }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("runs concurrent requests with one key once; the others replay its answer", async () => {
    const order = await shippableOrder(gateway);
    const input = order.ship();
    const key = newKey();

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => confirm(gateway, input, key)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((answer) => !replayed(answer))).toHaveLength(1);
    const ids = new Set(
      answers.map((answer) => JSON.stringify(answer.data?.confirmShipment ?? null)),
    );
    expect(ids.size).toBe(1);
    expect(answers[0]?.data?.confirmShipment.__typename).toBe("Shipment");
    expect(await shipmentCount(gateway, order.orderId)).toBe(2);
  });

  it("keeps one principal's keys apart from another's", async () => {
    const order = await shippableOrder(gateway);
    const east = `Bearer ${await system.identities.token("warehouse", { subject: "wms-east" })}`;
    const west = `Bearer ${await system.identities.token("warehouse", { subject: "wms-west" })}`;
    const key = newKey();
    const [eastInput, westInput] = [order.ship(), order.ship()];

    const fromEast = await confirm(gateway, eastInput, key, { authorization: east });
    const fromWest = await confirm(gateway, westInput, key, { authorization: west });
    expect([replayed(fromEast), replayed(fromWest)]).toEqual([false, false]);
    expect(fromWest.data?.confirmShipment).not.toEqual(fromEast.data?.confirmShipment);
    // Each principal's retry gets its own answer back.
    const eastAgain = await confirm(gateway, eastInput, key, { authorization: east });
    expect(replayed(eastAgain)).toBe(true);
    expect(eastAgain.data).toEqual(fromEast.data);
    expect(await shipmentCount(gateway, order.orderId)).toBe(3);
  });

  it("does not spend a key on a request refused before anything ran", async () => {
    const order = await shippableOrder(gateway);
    const key = newKey();
    const forged = `Bearer ${await system.identities.forged("warehouse")}`;

    const unauthenticated = await confirm(gateway, order.ship(), key, { authorization: forged });
    expect(unauthenticated.status).toBe(401);
    // Variables the schema refuses: no data, so nothing ran and the key stays free.
    const refused = await request(
      gateway,
      "mutation ($input: ConfirmShipmentInput!) { confirmShipment(input: $input) { __typename } }",
      { input: { ...order.ship(), lines: [{ lineId: order.lineId, quantity: "many" }] } },
      { "idempotency-key": key },
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toBeUndefined();
    // A query carries no effect: its key is ignored.
    const query = await request(
      gateway,
      "query ($id: ID!) { order(id: $id) { id } }",
      { id: order.orderId },
      { "idempotency-key": key },
    );
    expect(query.status).toBe(200);
    expect(replayed(query)).toBe(false);

    const accepted = await confirm(gateway, order.ship(), key);
    expect(accepted.status).toBe(200);
    expect(replayed(accepted)).toBe(false);
    expect(accepted.data?.confirmShipment.__typename).toBe("Shipment");
    expect(await shipmentCount(gateway, order.orderId)).toBe(2);
  });

  it("refuses a malformed key with BAD_USER_INPUT and runs nothing", async () => {
    const order = await shippableOrder(gateway);
    for (const bad of ["x".repeat(256), "caf\u00e9"]) {
      const answer = await fetch(gateway, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": bad,
          ...credentialHeaders(gateway),
        },
        body: JSON.stringify({
          query: print(CONFIRM_SHIPMENT),
          variables: { input: order.ship() },
        }),
      });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({
        errors: [{ extensions: { code: "BAD_USER_INPUT" } }],
      });
    }
    expect(await shipmentCount(gateway, order.orderId)).toBe(1);
  });
});

describe("idempotency keys after their time to live", () => {
  let system: TestSystem;
  let gateway: string;

  beforeAll(async () => {
    system = await startTestSystem({ IDEMPOTENCY_TTL_SECONDS: "5" });
    gateway = system.gatewayUrl;
    await execute(gateway, CREATE_PRODUCT, {
      sku: "IDEM-1",
      name: "Idempotent widget",
      warehouse: "AMS1",
      quantity: 1000,
    });
  });

  afterAll(async () => {
    await system?.dispose();
  });

  it("lets a key be used for a new request once its record has lapsed", async () => {
    const order = await shippableOrder(gateway);
    const key = newKey();
    expect((await confirm(gateway, order.ship(), key)).status).toBe(200);
    const next = order.ship();
    expect(codeOf(await confirm(gateway, next, key))).toBe("IDEMPOTENCY_KEY_REUSED");

    const reused = await waitFor(
      async () => {
        const answer = await confirm(gateway, next, key);
        return codeOf(answer) === "IDEMPOTENCY_KEY_REUSED" ? undefined : answer;
      },
      { description: "the key to lapse", timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(reused.status).toBe(200);
    expect(replayed(reused)).toBe(false);
    expect(reused.data?.confirmShipment.__typename).toBe("Shipment");
    expect(await shipmentCount(gateway, order.orderId)).toBe(3);
  });
});
