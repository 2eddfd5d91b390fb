// Subscriptions lose nothing: every field resumes from its cursor after a dropped connection or a
// gateway restart with each missed event once and in order, an event's entities are read through
// the supergraph, and a subscriber too slow to keep up is ended with the cursor to resume after.
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvent, connectBus, type Bus } from "@waybill/bus";
import { waitFor } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { principalOf } from "@waybill/auth";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { RECORD_MILESTONE } from "../documents/shipments.ts";
import { execute } from "../support/graphql.ts";
import {
  closed,
  issued,
  placeOrder,
  receiveReturn,
  requestReturn,
  ship,
} from "../support/money-path.ts";
import { signingKey, subgraphRequest } from "../support/subgraph-calls.ts";
import { streamSse, subscribeWs, type Received } from "../support/subscriptions.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let bus: Bus;
const open: Received[] = [];
const track = <T extends Received>(received: T) => {
  open.push(received);
  return received;
};

// A live subscriber more than 500 events behind is ended; a hundred aliases make each event about
// 1.5 kB, so that a stalled reader backs the gateway up within a few thousand events.
const MAX_LAG = 500;

beforeAll(async () => {
  system = await startTestSystem(
    {
      SUBSCRIPTION_MAX_LAG: String(MAX_LAG),
      QUERY_MAX_ALIASES: "120",
      QUERY_MAX_TOKENS: "5000",
    },
    { moreGateways: 1 },
  );
  await execute(system.gatewayUrl, CREATE_PRODUCT, {
    sku: "SUB-MUG",
    name: "Subscription mug",
    warehouse: "AMS1",
    quantity: 10_000,
  });
  bus = await connectBus({
    servers: system.natsUrl,
    name: "e2e-subscriptions",
    logger: createLogger("e2e-subscriptions", "silent"),
    connectTimeoutMs: 5_000,
  });
}, 180_000);

afterAll(async () => {
  for (const received of open) received.stop();
  await bus?.close();
  await system?.dispose();
});

const admin = () => `Bearer ${system.adminApiKey}`;

/** What each field's subscribers select here: the cursor and what tells one event from another. */
const FIELDS = {
  shipmentMilestones: "cursor shipmentId type",
  orderUpdated: "cursor orderId revision",
  invoiceEvents: "cursor kind invoiceId",
  returnEvents: "cursor kind returnId",
  stockLevels: "cursor sku warehouse revision",
} as const;
type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];

const documentOf = (field: Field) =>
  `subscription ($after: String) { ${field}(after: $after) { ${FIELDS[field]} } }`;

const ws = (field: Field, after: string) =>
  track(
    subscribeWs(
      system.gatewayUrl,
      admin(),
      { query: documentOf(field), variables: { after } },
      field,
    ),
  );

const sse = (field: Field, lastEventId?: string) =>
  track(
    streamSse(
      system.gatewayUrl,
      admin(),
      { query: documentOf(field), variables: { after: "0" } },
      field,
      lastEventId,
    ),
  );

const cursorsOf = (received: Received) => received.events.map((event) => String(event.cursor));

/**
 * One order through the money path: placed, shipped, in transit and delivered, invoiced, a unit
 * returned, received and credited. Each run tells every subscription field something.
 */
async function moneyCycle(): Promise<string> {
  const { orderId, lineIds } = await placeOrder(
    system.gatewayUrl,
    [{ sku: "SUB-MUG", quantity: 2, unitPrice: "12.00", taxRate: "21" }],
    "ON_SHIPMENT",
  );
  const lineId = lineIds[0] ?? "";
  const shipmentId = await ship(system.gatewayUrl, orderId, [{ lineId, quantity: 2 }]);
  for (const [type, minutesAgo] of [
    ["IN_TRANSIT", 30],
    ["OUT_FOR_DELIVERY", 20],
    ["DELIVERED", 10],
  ] as const)
    await execute(system.gatewayUrl, RECORD_MILESTONE, {
      input: {
        shipmentId,
        type,
        occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      },
    });
  await issued(system.gatewayUrl, orderId, [shipmentId]);
  const returnId = await requestReturn(system.gatewayUrl, orderId, [{ lineId, quantity: 1 }]);
  await receiveReturn(system.gatewayUrl, returnId, [
    { lineId, received: 1, disposition: "RESTOCK" },
  ]);
  await closed(system.gatewayUrl, returnId);
  return shipmentId;
}

/** `count` money cycles, a few at a time; the shipments they made. */
async function moneyCycles(count: number, concurrency = 4): Promise<string[]> {
  let next = 0;
  const shipmentIds: string[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        shipmentIds.push(await moneyCycle());
      }
    }),
  );
  return shipmentIds;
}

/** Waits until a subscriber has heard up to `cursor` (and the stream has gone quiet there). */
const caughtUp = (received: Received, cursor: string, description: string) =>
  waitFor(() => (cursorsOf(received).at(-1) === cursor ? true : undefined), {
    description,
    timeoutMs: 60_000,
    intervalMs: 50,
  });

/** Waits until a reference subscriber has heard nothing new for a second; its last cursor. */
async function settled(reference: Received): Promise<string> {
  let last = "";
  let since = Date.now();
  await waitFor(
    () => {
      const now = cursorsOf(reference).at(-1) ?? "";
      if (now !== last) {
        last = now;
        since = Date.now();
      }
      return now && Date.now() - since > 1_000 ? true : undefined;
    },
    { description: "the stream to go quiet", timeoutMs: 60_000, intervalMs: 100 },
  );
  return last;
}

/** In order, each once, and exactly what the reference heard after `after`. */
function expectExactlyAfter(resumed: Received, reference: Received, after: string, label: string) {
  const expected = cursorsOf(reference).filter((cursor) => Number(cursor) > Number(after));
  expect(cursorsOf(resumed), label).toEqual(expected);
  expect(resumed.errors, label).toEqual([]);
}

describe("subscriptions", () => {
  it("give a milestone's shipment, order lines with products and invoice, with its cursor, over WebSocket and SSE", async () => {
    const query = `subscription ($after: String) { shipmentMilestones(after: $after, types: ["PICKED_UP"]) {
      cursor type status shipmentId
      shipment { id status order { id lines { quantity product { sku name } } } invoice { number status } }
    } }`;
    const after = String(await bus.lastSequence("shipments"));
    const { orderId, lineIds } = await placeOrder(
      system.gatewayUrl,
      [{ sku: "SUB-MUG", quantity: 3, unitPrice: "12.00", taxRate: "21" }],
      "ON_SHIPMENT",
    );
    const shipmentId = await ship(system.gatewayUrl, orderId, [
      { lineId: lineIds[0] ?? "", quantity: 3 },
    ]);
    const [invoice] = await issued(system.gatewayUrl, orderId, [shipmentId]);
    const overWs = track(
      subscribeWs(
        system.gatewayUrl,
        admin(),
        { query, variables: { after } },
        "shipmentMilestones",
      ),
    );
    const overSse = track(
      streamSse(system.gatewayUrl, admin(), { query, variables: { after } }, "shipmentMilestones"),
    );
    await execute(system.gatewayUrl, RECORD_MILESTONE, {
      input: { shipmentId, type: "PICKED_UP", occurredAt: new Date().toISOString() },
    });
    for (const [name, received] of [
      ["WebSocket", overWs],
      ["SSE", overSse],
    ] as const) {
      await waitFor(() => (received.events.length ? true : undefined), {
        description: `the milestone over ${name}`,
        timeoutMs: 30_000,
        intervalMs: 50,
      });
      const [event] = received.events;
      expect(event, name).toEqual({
        cursor: expect.stringMatching(/^\d+$/) as unknown,
        type: "PICKED_UP",
        status: event?.status,
        shipmentId,
        shipment: {
          // Read through the supergraph after the milestone: the status it left.
          id: shipmentId,
          status: event?.status,
          order: {
            id: orderId,
            lines: [{ quantity: 3, product: { sku: "SUB-MUG", name: "Subscription mug" } }],
          },
          invoice: { number: invoice?.number, status: "ISSUED" },
        },
      });
      // The transport names the cursor too: graphql-ws extensions, the SSE event's id.
      expect(received.cursors, name).toEqual([event?.cursor]);
      expect(received.errors, name).toEqual([]);
    }
  }, 120_000);

  it("send the current state first with includeCurrent, then the changes", async () => {
    const { orderId, lineIds } = await placeOrder(
      system.gatewayUrl,
      [{ sku: "SUB-MUG", quantity: 1, unitPrice: "12.00", taxRate: "21" }],
      "ON_SHIPMENT",
    );
    const customer = `Bearer ${await system.identities.token("customer", {
      customerId: (
        await execute<{ order: { customer: { id: string } } }>(
          system.gatewayUrl,
          `query ($id: ID!) { order(id: $id) { customer { id } } }`,
          { id: orderId },
        )
      ).order.customer.id,
    })}`;
    const order = track(
      subscribeWs(
        system.gatewayUrl,
        customer,
        {
          query: `subscription ($id: ID) { orderUpdated(orderId: $id, includeCurrent: true) {
            cursor current fulfilmentStatus revision order { id fulfilmentStatus revision } } }`,
          variables: { id: orderId },
        },
        "orderUpdated",
      ),
    );
    const stock = track(
      streamSse(
        system.gatewayUrl,
        customer,
        {
          query: `subscription { stockLevels(skus: ["SUB-MUG"], includeCurrent: true) {
            cursor current sku warehouse available onHand } }`,
        },
        "stockLevels",
      ),
    );
    await waitFor(() => (order.events.length && stock.events.length ? true : undefined), {
      description: "the current state",
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    const [now] = order.events as { current: boolean; revision: number; order: unknown }[];
    expect(now).toMatchObject({ current: true, fulfilmentStatus: "UNFULFILLED" });
    expect(now?.order).toEqual({
      id: orderId,
      fulfilmentStatus: "UNFULFILLED",
      revision: now?.revision,
    });
    const { product } = await execute<{
      product: { stock: { warehouse: string; available: number }[] };
    }>(system.gatewayUrl, `{ product(sku: "SUB-MUG") { stock { warehouse available } } }`);
    // A customer hears what may be promised, never the warehouse's counts.
    expect(stock.events[0]).toMatchObject({
      current: true,
      sku: "SUB-MUG",
      warehouse: "AMS1",
      available: product.stock.find((level) => level.warehouse === "AMS1")?.available,
      onHand: null,
    });
    expect(order.cursors[0]).toBe(now && String((order.events[0] as { cursor: string }).cursor));

    await ship(system.gatewayUrl, orderId, [{ lineId: lineIds[0] ?? "", quantity: 1 }]);
    await waitFor(
      () => (order.events.some((event) => event.fulfilmentStatus === "SHIPPED") ? true : undefined),
      { description: "the change after the current state", timeoutMs: 30_000, intervalMs: 50 },
    );
    const changes = order.events.slice(1) as { current: boolean; revision: number }[];
    expect(
      changes.every((change) => !change.current && change.revision > (now?.revision ?? 0)),
    ).toBe(true);
    expect(order.errors).toEqual([]);
    expect(stock.errors).toEqual([]);

    const refused = track(
      subscribeWs(
        system.gatewayUrl,
        customer,
        { query: `subscription { orderUpdated(includeCurrent: true) { cursor } }` },
        "orderUpdated",
      ),
    );
    await waitFor(() => (refused.errors.length ? true : undefined), {
      description: "includeCurrent without an order refused",
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    expect(JSON.stringify(refused.errors)).toContain("BAD_USER_INPUT");
  }, 120_000);

  it("refuse a cursor that is none, by argument or by Last-Event-ID", async () => {
    const byArgument = ws("invoiceEvents", "12; DROP");
    const byHeader = sse("returnEvents", "-1");
    for (const [name, received] of [
      ["after", byArgument],
      ["Last-Event-ID", byHeader],
    ] as const) {
      await waitFor(() => (received.errors.length ? true : undefined), {
        description: `the refusal of a bad ${name}`,
        timeoutMs: 30_000,
        intervalMs: 50,
      });
      expect(JSON.stringify(received.errors), name).toContain("BAD_USER_INPUT");
      expect(JSON.stringify(received.errors), name).toContain(name);
      expect(received.events, name).toEqual([]);
    }
  }, 60_000);

  it("resume every field after a dropped connection with each missed event once, in order", async () => {
    const references = Object.fromEntries(FIELD_NAMES.map((field) => [field, ws(field, "0")]));
    const first = FIELD_NAMES.map((field) => ({
      field,
      overWs: ws(field, "0"),
      overSse: sse(field),
    }));
    await moneyCycles(2);
    for (const { field, overWs, overSse } of first) {
      const last = await settled(references[field] as Received);
      await caughtUp(overWs, last, `${field} over WebSocket to hear the first orders`);
      await caughtUp(overSse, last, `${field} over SSE to hear the first orders`);
      overWs.stop();
      overSse.stop();
    }

    // While they are away: enough orders that every field misses more than a hundred events.
    await moneyCycles(52);

    for (const { field, overWs, overSse } of first) {
      const reference = references[field] as Received;
      const fromWs = cursorsOf(overWs).at(-1) ?? "0";
      const fromSse = overSse.cursors.at(-1) ?? "0";
      // Resumed by argument over WebSocket, by Last-Event-ID (overriding `after`) over SSE.
      const resumedWs = ws(field, fromWs);
      const resumedSse = sse(field, fromSse);
      const last = await settled(reference);
      const missed = cursorsOf(reference).filter((cursor) => Number(cursor) > Number(fromWs));
      expect(missed.length, field).toBeGreaterThanOrEqual(100);
      await caughtUp(resumedWs, last, `${field} resumed over WebSocket`);
      await caughtUp(resumedSse, last, `${field} resumed over SSE`);
      expectExactlyAfter(resumedWs, reference, fromWs, `${field} over WebSocket`);
      expectExactlyAfter(resumedSse, reference, fromSse, `${field} over SSE`);
      expect([...cursorsOf(overWs), ...cursorsOf(resumedWs)], field).toEqual(cursorsOf(reference));
      resumedWs.stop();
      resumedSse.stop();
    }
  }, 600_000);

  it("lose nothing across a gateway restart: what was told while it was down comes on resuming", async () => {
    const before = Object.fromEntries(FIELD_NAMES.map((field) => [field, ws(field, "0")]));
    const [shipmentId = ""] = await moneyCycles(1);
    const lastOf: Partial<Record<Field, string>> = {};
    for (const field of FIELD_NAMES) lastOf[field] = await settled(before[field] as Received);

    await system.gateway.kill();
    // While the gateway is down, carriers keep telling shipments (straight to the subgraph).
    await milestonesStraightToShipments(shipmentId, 100);
    await system.gateway.start();
    await moneyCycles(1);

    for (const field of FIELD_NAMES) {
      const from = lastOf[field] ?? "0";
      // A fresh subscriber from the start of the stream is the reference for what was told.
      const reference = ws(field, "0");
      const resumed = ws(field, from);
      const last = await settled(reference);
      await caughtUp(resumed, last, `${field} resumed after the restart`);
      expectExactlyAfter(resumed, reference, from, field);
      expect(cursorsOf(before[field] as Received), field).toEqual(
        cursorsOf(reference).filter((cursor) => Number(cursor) <= Number(from)),
      );
      if (field === "shipmentMilestones") {
        const told = resumed.events.filter((event) => event.shipmentId === shipmentId);
        expect(told.length).toBeGreaterThanOrEqual(100);
      }
      reference.stop();
      resumed.stop();
    }
  }, 600_000);

  it("are served by any gateway: a subscriber moves to a second gateway with its cursor", async () => {
    // The second gateway keeps its own API keys; the identity provider's tokens work on both.
    const agent = `Bearer ${await system.identities.token("agent", {})}`;
    const [second] = system.moreGateways;
    if (!second) throw new Error("the system has no second gateway");
    const on = (gatewayUrl: string, field: Field, after: string) =>
      track(
        subscribeWs(gatewayUrl, agent, { query: documentOf(field), variables: { after } }, field),
      );
    const from = String(await bus.lastSequence("orders"));
    const first = on(system.gatewayUrl, "orderUpdated", from);
    await moneyCycles(2);
    const reference = on(system.gatewayUrl, "orderUpdated", from);
    await caughtUp(first, await settled(reference), "the first gateway's subscriber");
    first.stop();
    const left = cursorsOf(first).at(-1) ?? from;
    await moneyCycles(2);
    const moved = on(second.url, "orderUpdated", left);
    await caughtUp(moved, await settled(reference), "the subscriber on the second gateway");
    expect([...cursorsOf(first), ...cursorsOf(moved)]).toEqual(cursorsOf(reference));
    expect(cursorsOf(moved).length).toBeGreaterThan(0);
    expect(moved.errors).toEqual([]);
  }, 300_000);

  it("survive a broker restart: a subscriber hears what follows, or is ended with its cursor and resumes", async () => {
    const from = String(await bus.lastSequence("orders"));
    const live = ws("orderUpdated", from);
    await moneyCycles(1);
    await system.nats?.restart();
    await moneyCycles(1);
    const reference = ws("orderUpdated", from);
    const last = await settled(reference);
    await waitFor(
      () => (cursorsOf(live).at(-1) === last || live.errors.length ? true : undefined),
      { description: "the live subscriber to catch up or end", timeoutMs: 60_000, intervalMs: 50 },
    );
    let heard = cursorsOf(live);
    if (live.errors.length) {
      const [ending] = live.errors as { extensions?: { cursor?: string | null } }[];
      const resumed = ws("orderUpdated", ending?.extensions?.cursor ?? heard.at(-1) ?? from);
      await caughtUp(resumed, last, "the subscriber resumed after the broker restart");
      heard = [...heard, ...cursorsOf(resumed)];
    }
    expect(heard).toEqual(cursorsOf(reference));
    expect(heard.length).toBeGreaterThan(0);
  }, 300_000);

  it("end a stalled subscriber with SUBSCRIBER_TOO_SLOW and its cursor; resuming there misses nothing", async () => {
    const after = String(await bus.lastSequence("inventory"));
    const fat = Array.from({ length: 100 }, (_, i) => `w${i}: warehouse`).join(" ");
    const stalled = track(
      streamSse(
        system.gatewayUrl,
        admin(),
        {
          query: `subscription ($after: String) { stockLevels(after: $after, skus: ["SLOW-1"]) { cursor ${fat} } }`,
          variables: { after },
        },
        "stockLevels",
      ),
    );
    const published = await publishStockLevels("SLOW-1", 10);
    await waitFor(() => (stalled.events.length ? true : undefined), {
      description: "the subscriber to be live",
      timeoutMs: 30_000,
      intervalMs: 20,
    });
    stalled.pause();
    published.push(...(await publishStockLevels("SLOW-1", 29_990)));
    // The gateway has written what the connection would take and waits; then the reader wakes.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    stalled.resume();
    await waitFor(() => (stalled.ended ? true : undefined), {
      description: "the stalled subscriber to be ended",
      timeoutMs: 120_000,
      intervalMs: 50,
    });
    const heard = stalled.cursors;
    expect(heard.length).toBeLessThan(published.length);
    expect(heard).toEqual(published.slice(0, heard.length));
    const [ending] = stalled.errors as { extensions?: { code?: string; cursor?: string } }[];
    expect(ending?.extensions?.code).toBe("SUBSCRIBER_TOO_SLOW");
    expect(ending?.extensions?.cursor).toBe(heard.at(-1));

    const resumed = track(
      streamSse(
        system.gatewayUrl,
        admin(),
        {
          query: `subscription { stockLevels(skus: ["SLOW-1"]) { cursor } }`,
        },
        "stockLevels",
        ending?.extensions?.cursor,
      ),
    );
    await caughtUp(resumed, published.at(-1) ?? "", "the resumed subscriber to hear the rest");
    expect([...heard, ...resumed.cursors]).toEqual(published);
    expect(resumed.errors).toEqual([]);
  }, 300_000);
});

/** Publishes stock levels of `sku` on the inventory stream, as inventory tells them; their cursors. */
async function publishStockLevels(sku: string, count: number): Promise<string[]> {
  const cursors: string[] = [];
  const BATCH = 250;
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) =>
      buildEvent({
        type: "inventory.stock_level.changed",
        source: "/waybill/inventory",
        subject: sku,
        data: {
          sku,
          warehouse: "AMS1",
          onHand: 100,
          reserved: 0,
          available: 100,
          revision: start + i + 1,
          changedAt: new Date().toISOString(),
        },
      }),
    );
    const results = [];
    for (const event of batch) results.push(bus.publish(event));
    for (const result of await Promise.all(results)) cursors.push(String(result.seq));
  }
  return cursors.sort((a, b) => Number(a) - Number(b));
}

/** Records `count` milestones of a shipment at the shipments subgraph itself, signed as the gateway signs. */
async function milestonesStraightToShipments(shipmentId: string, count: number): Promise<void> {
  const signing = {
    key: signingKey(system.signingKeyFile),
    principal: principalOf({ subject: "e2e-operations", role: "admin" }),
  };
  for (let i = 0; i < count; i++) {
    const answer = await subgraphRequest<{ recordMilestone: { __typename: string } }>(
      system.services.shipments.url,
      print(RECORD_MILESTONE),
      {
        input: {
          shipmentId,
          type: "IN_TRANSIT",
          occurredAt: new Date(Date.now() - 60_000 - i * 1_000).toISOString(),
        },
      },
      signing,
    );
    expect(answer.data?.recordMilestone.__typename).toBe("Shipment");
  }
}
