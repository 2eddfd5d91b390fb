// Partners and portals hear of milestones as they happen, over WebSocket or Server-Sent Events,
// each only of the shipments it may see, and can resume from a cursor without missing any.
import { waitFor } from "@waybill/devtools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { print } from "graphql";
import { RECORD_MILESTONE, SHIPMENT_MILESTONES } from "../documents/shipments.ts";
import { buildWorld, type World } from "../support/authz/world.ts";
import { execute, request } from "../support/graphql.ts";
import type { MilestoneType } from "../support/shipments.ts";
import { subscribeSse, subscribeWs, type Received } from "../support/subscriptions.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let world: World;
const open: Received[] = [];

// The subscription clients take a document's text.
const MILESTONES = print(SHIPMENT_MILESTONES);

beforeAll(async () => {
  // Open subscriptions check their credentials every second here (a minute by default).
  system = await startTestSystem({ SUBSCRIPTION_RECHECK_SECONDS: "1" });
  world = await buildWorld(system);
}, 180_000);

afterAll(async () => {
  for (const subscription of open) subscription.stop();
  await system?.dispose();
});

const bearer = async (role: "customer" | "partner" | "agent" | "carrier") =>
  `Bearer ${await system.identities.token(
    role,
    role === "customer"
      ? { customerId: world.a.customerId }
      : role === "partner"
        ? { accounts: [world.a.customerId] }
        : {},
  )}`;

const record = (shipmentId: string, type: MilestoneType, minutesAgo: number) =>
  execute(system.gatewayUrl, RECORD_MILESTONE, {
    input: {
      shipmentId,
      type,
      occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    },
  });

const track = (received: Received) => {
  open.push(received);
  return received;
};

const seen = (received: Received, shipmentId: string, type: string) =>
  received.events.some((event) => event.shipmentId === shipmentId && event.type === type);

describe("milestone subscriptions", () => {
  it("deliver each subscriber exactly the milestones it may see, over WebSocket and SSE", async () => {
    // From the start of the stream, so no milestone can slip by before a subscription is live.
    const all = { query: MILESTONES, variables: { after: "0" } };
    const customer = track(
      subscribeWs(system.gatewayUrl, await bearer("customer"), all, "shipmentMilestones"),
    );
    const partner = track(
      subscribeSse(system.gatewayUrl, await bearer("partner"), all, "shipmentMilestones"),
    );
    const agent = track(
      subscribeWs(system.gatewayUrl, await bearer("agent"), all, "shipmentMilestones"),
    );

    await record(world.a.shipmentId, "IN_TRANSIT", 30);
    await record(world.b.shipmentId, "IN_TRANSIT", 20);
    await record(world.a.shipmentId, "OUT_FOR_DELIVERY", 10);

    const done = (received: Received) => seen(received, world.a.shipmentId, "OUT_FOR_DELIVERY");
    await waitFor(() => (done(customer) && done(partner) && done(agent) ? true : undefined), {
      description: "every subscriber to hear of A's last milestone",
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    // B's milestones come before A's last one in the stream: had they leaked, they would be here.
    for (const limited of [customer, partner]) {
      expect(limited.errors).toEqual([]);
      expect(limited.events.map((event) => event.shipmentId)).toEqual([
        world.a.shipmentId,
        world.a.shipmentId,
      ]);
      expect(limited.events.map((event) => event.type)).toEqual(["IN_TRANSIT", "OUT_FOR_DELIVERY"]);
      expect(JSON.stringify(limited.events)).not.toContain(world.b.orderId);
    }
    expect(seen(agent, world.b.shipmentId, "EXCEPTION")).toBe(true);
    expect(seen(agent, world.b.shipmentId, "IN_TRANSIT")).toBe(true);
    const cursors = agent.events.map((event) => Number(event.cursor));
    expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
  });

  it("resume after a cursor with what came next, and filter by shipment", async () => {
    const agentToken = await bearer("agent");
    const history = track(
      subscribeWs(
        system.gatewayUrl,
        agentToken,
        { query: MILESTONES, variables: { after: "0", shipmentId: world.a.shipmentId } },
        "shipmentMilestones",
      ),
    );
    await waitFor(() => (history.events.length >= 2 ? true : undefined), {
      description: "A's history",
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    expect(history.events.every((event) => event.shipmentId === world.a.shipmentId)).toBe(true);
    const first = history.events[0];
    const resumed = track(
      subscribeSse(
        system.gatewayUrl,
        agentToken,
        { query: MILESTONES, variables: { after: first?.cursor, shipmentId: world.a.shipmentId } },
        "shipmentMilestones",
      ),
    );
    await waitFor(() => (resumed.events.length >= 1 ? true : undefined), {
      description: "the events after the cursor",
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    expect(resumed.events[0]?.cursor).toBe(history.events[1]?.cursor);
    expect(resumed.events.some((event) => event.cursor === first?.cursor)).toBe(false);
  });

  it("refuse a connection without credentials and a role without shipments:read", async () => {
    const anonymous = track(
      subscribeWs(system.gatewayUrl, undefined, { query: MILESTONES }, "shipmentMilestones"),
    );
    await waitFor(() => anonymous.closeCode, {
      description: "the close",
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    expect(anonymous.closeCode).toBe(4403);
    const carrier = track(
      subscribeWs(
        system.gatewayUrl,
        await bearer("carrier"),
        { query: MILESTONES },
        "shipmentMilestones",
      ),
    );
    await waitFor(() => (carrier.errors.length ? true : undefined), {
      description: "the refusal",
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    expect(JSON.stringify(carrier.errors)).toContain("FORBIDDEN");
    const sse = await fetch(`${system.gatewayUrl}/stream`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: MILESTONES }),
    });
    expect(sse.status).toBe(401);
  });

  it("end open subscriptions once their key is revoked, on both transports", async () => {
    const { data } = await request<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      system.gatewayUrl,
      `mutation { createApiKey(input: { name: "3PL feed", role: PARTNER, accounts: ["${world.a.customerId}"] }) { secret apiKey { id } } }`,
    );
    const key = data?.createApiKey;
    const authorization = `Bearer ${key?.secret ?? ""}`;
    // From the start of the stream: subscribed from "now", the milestone below could be recorded
    // before a subscription's consumer exists and never reach it.
    const all = { query: MILESTONES, variables: { after: "0" } };
    const ws = track(subscribeWs(system.gatewayUrl, authorization, all, "shipmentMilestones"));
    const sse = track(subscribeSse(system.gatewayUrl, authorization, all, "shipmentMilestones"));
    // Both are live: a new milestone of A reaches them.
    await record(world.a.shipmentId, "DELIVERY_ATTEMPTED", 5);
    await waitFor(
      () =>
        seen(ws, world.a.shipmentId, "DELIVERY_ATTEMPTED") &&
        seen(sse, world.a.shipmentId, "DELIVERY_ATTEMPTED")
          ? true
          : undefined,
      {
        description: "both subscriptions to be live",
        timeoutMs: 30_000,
        intervalMs: 50,
      },
    );
    await request(
      system.gatewayUrl,
      `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      {
        id: key?.apiKey.id,
      },
    );
    await waitFor(() => (ws.closeCode && sse.ended ? true : undefined), {
      description: "both subscriptions to end",
      timeoutMs: 15_000,
      intervalMs: 50,
    });
    expect(ws.closeCode).toBe(4401);
  });

  it("apply the query limits to subscriptions and keep them off POST /graphql", async () => {
    const aliased = track(
      subscribeWs(
        system.gatewayUrl,
        await bearer("agent"),
        {
          query: `subscription { shipmentMilestones { ${Array.from({ length: 20 }, (_, i) => `a${i}: cursor`).join(" ")} } }`,
        },
        "shipmentMilestones",
      ),
    );
    await waitFor(() => (aliased.errors.length ? true : undefined), {
      description: "the refusal",
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    expect(JSON.stringify(aliased.errors)).toContain("TOO_MANY_ALIASES");
    const viaPost = await request(system.gatewayUrl, SHIPMENT_MILESTONES, {});
    expect(viaPost.status).toBe(400);
    expect(viaPost.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });
});
