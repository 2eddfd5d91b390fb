// Limits at the gateway: over-deep, over-costly, over-large and over-frequent requests are refused
// with coded errors before any subgraph is called; CORS, trusted documents, production mode.
import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { print } from "graphql";
import { metricValue, scrapeMetrics } from "@waybill/devtools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPHS } from "../../scripts/subgraphs.ts";
import { PORTAL_FEED, PORTAL_ORDERS } from "../documents/portal.ts";
import { request } from "../support/graphql.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

const PORTAL_ORIGIN = "https://portal.example.com";
// The manifest holds the documents' text as `request` sends it, so sending it is as good as its id.
const PORTAL_ORDERS_TEXT = print(PORTAL_ORDERS);
const PORTAL_ID = createHash("sha256").update(PORTAL_ORDERS_TEXT).digest("hex");
const PORTAL_FEED_TEXT = print(PORTAL_FEED);
const PORTAL_FEED_ID = createHash("sha256").update(PORTAL_FEED_TEXT).digest("hex");

let system: TestSystem;
let agent: string;

beforeAll(async () => {
  const folder = await mkdtemp(join(tmpdir(), "waybill-manifest-"));
  const manifest = join(folder, "persisted-documents.json");
  await writeFile(
    manifest,
    JSON.stringify({
      format: "apollo-persisted-query-manifest",
      version: 1,
      operations: [
        { id: PORTAL_ID, name: "PortalOrders", type: "query", body: PORTAL_ORDERS_TEXT },
        { id: PORTAL_FEED_ID, name: "PortalFeed", type: "subscription", body: PORTAL_FEED_TEXT },
      ],
    }),
  );
  system = await startTestSystem({
    QUERY_MAX_DEPTH: "4",
    QUERY_MAX_COST: "40",
    QUERY_MAX_ALIASES: "3",
    QUERY_MAX_TOKENS: "300",
    MAX_BODY_BYTES: "20000",
    RATE_LIMIT_REQUESTS: "30",
    RATE_LIMIT_WINDOW_SECONDS: "60",
    CORS_ALLOWED_ORIGINS: PORTAL_ORIGIN,
    PERSISTED_DOCUMENTS_FILE: manifest,
    PERSISTED_DOCUMENTS_REQUIRED_FOR: "customer",
  });
  agent = `Bearer ${await system.identities.token("agent", { subject: "limits-agent" })}`;
}, 120_000);

afterAll(() => system?.dispose());

/** GraphQL operations the five subgraphs have served so far. */
async function subgraphOperations(): Promise<number> {
  let total = 0;
  for (const { name } of SUBGRAPHS) {
    const samples = await scrapeMetrics(new URL("/", system.services[name].url).origin);
    total += metricValue(samples, "waybill_graphql_requests_total");
  }
  return total;
}

const code = (answer: { errors?: { extensions?: { code?: string } }[] }) =>
  answer.errors?.[0]?.extensions?.code;

describe("query limits", () => {
  it("refuse over-deep, over-costly, aliased, long and large requests before any subgraph is called", async () => {
    const before = await subgraphOperations();
    const asAgent = { authorization: agent };
    const deep = await request(
      system.gatewayUrl,
      `{ orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } }`,
      {},
      asAgent,
    );
    expect([deep.status, code(deep)]).toEqual([400, "QUERY_TOO_DEEP"]);
    const costly = await request(
      system.gatewayUrl,
      // Within the depth limit, but wide: 2 + 1.5 × (2 + 1.5 × (2 + 1.5 × 10)) = 43.25.
      `{ orders { edges { node { id channel currency placedAt fulfilmentStatus billingStatus cancelledAt cancellationReason externalReference __typename } } } }`,
      {},
      asAgent,
    );
    expect([costly.status, code(costly)]).toEqual([400, "QUERY_TOO_COSTLY"]);
    const aliases = await request(
      system.gatewayUrl,
      `{ a: customers { edges { node { id } } } b: customers { edges { node { id } } } c: customers { edges { node { id } } } d: customers { edges { node { id } } } }`,
      {},
      asAgent,
    );
    expect([aliases.status, code(aliases)]).toEqual([400, "TOO_MANY_ALIASES"]);
    const long = await request(
      system.gatewayUrl,
      `{ customers { ${"id ".repeat(400)} } }`,
      {},
      asAgent,
    );
    expect([long.status, code(long)]).toEqual([400, "TOO_MANY_TOKENS"]);
    const large = await request(
      system.gatewayUrl,
      `query ($pad: String) { customers { edges { node { id } } } }`,
      { pad: "x".repeat(30_000) },
      asAgent,
    );
    expect([large.status, code(large)]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    expect(await subgraphOperations()).toBe(before);
    // Within the limits, the same caller is served.
    const fine = await request(
      system.gatewayUrl,
      `{ customers { edges { node { id } } } }`,
      {},
      asAgent,
    );
    expect(fine.errors).toBeUndefined();
    expect(await subgraphOperations()).toBeGreaterThan(before);
  });

  it("production mode: no introspection, no field suggestions", async () => {
    const schema = await request(
      system.gatewayUrl,
      `{ __schema { types { name } } }`,
      {},
      {
        authorization: agent,
      },
    );
    expect(code(schema)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(schema)).toMatch(/introspection/i);
    const typo = await request(
      system.gatewayUrl,
      `{ custmers { id } }`,
      {},
      { authorization: agent },
    );
    expect(code(typo)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean|customers/);
  });
});

describe("trusted documents", () => {
  it("hold a customer to the manifest while staff may send any query", async () => {
    const created = await request<{ createCustomer: { id: string } }>(
      system.gatewayUrl,
      `mutation { createCustomer(input: { name: "Portal", email: "portal@example.com" }) { id } }`,
    );
    const customerId = created.data?.createCustomer.id ?? "";
    const token = await system.identities.token("customer", { customerId });
    const asCustomer = { authorization: `Bearer ${token}` };
    const free = await request(
      system.gatewayUrl,
      `{ orders { edges { node { id status } } } }`,
      {},
      asCustomer,
    );
    expect([free.status, code(free)]).toEqual([400, "PERSISTED_QUERY_REQUIRED"]);
    // The manifest's own text is as good as its id.
    expect((await request(system.gatewayUrl, PORTAL_ORDERS, {}, asCustomer)).status).toBe(200);
    const post = (body: object) =>
      fetch(system.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...asCustomer },
        body: JSON.stringify(body),
      });
    const byId = await post({ documentId: PORTAL_ID });
    expect(byId.status).toBe(200);
    expect(await byId.json()).toEqual({ data: { orders: { edges: [] } } });
    const apq = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: PORTAL_ID } },
    });
    expect(apq.status).toBe(200);
    const unknown = await post({ documentId: "0".repeat(64) });
    expect(unknown.status).toBe(400);
    expect(
      ((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]
        ?.extensions.code,
    ).toBe("PERSISTED_QUERY_NOT_FOUND");
    const staff = await request(
      system.gatewayUrl,
      `{ customers { edges { node { id } } } }`,
      {},
      { authorization: agent },
    );
    expect(staff.errors).toBeUndefined();

    // Subscriptions too: a free document over SSE is refused, the manifest's own text is served
    // (graphql-sse requires a query in the body, so streams name trusted documents by their text).
    const stream = async (body: object) => {
      const controller = new AbortController();
      const response = await fetch(`${system.gatewayUrl}/stream`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream", ...asCustomer },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const type = response.headers.get("content-type") ?? "";
      const text = type.includes("json") ? await response.text() : "";
      controller.abort();
      return { status: response.status, type, text };
    };
    const freeFeed = await stream({
      query: "subscription { shipmentMilestones { cursor orderId } }",
    });
    expect(freeFeed.status).toBe(400);
    expect(freeFeed.text).toContain("PERSISTED_QUERY_REQUIRED");
    const listedFeed = await stream({ query: PORTAL_FEED_TEXT });
    expect(listedFeed.status).toBe(200);
    expect(listedFeed.type).toContain("text/event-stream");
  });
});

describe("CORS", () => {
  it("answers preflights from the allowed origin only, and marks its responses", async () => {
    const preflight = (origin: string) =>
      fetch(system.gatewayUrl, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
    const allowed = await preflight(PORTAL_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(PORTAL_ORIGIN);
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const refused = await preflight("https://evil.example.com");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const answer = await request(
      system.gatewayUrl,
      `{ customers { edges { node { id } } } }`,
      {},
      {
        authorization: agent,
        origin: PORTAL_ORIGIN,
      },
    );
    expect(answer.headers.get("access-control-allow-origin")).toBe(PORTAL_ORIGIN);
    const other = await request(
      system.gatewayUrl,
      `{ customers { edges { node { id } } } }`,
      {},
      {
        authorization: agent,
        origin: "https://evil.example.com",
      },
    );
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("rate limit", () => {
  it("throttles one principal with 429 and Retry-After while others are served", async () => {
    const burst = `Bearer ${await system.identities.token("agent", { subject: "burst" })}`;
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 35; i += 1) {
      const answer = await request(
        system.gatewayUrl,
        `{ __typename }`,
        {},
        { authorization: burst },
      );
      statuses.push(answer.status);
      if (answer.status === 429) {
        retryAfter = answer.headers.get("retry-after");
        expect(code(answer)).toBe("RATE_LIMITED");
      }
    }
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const other = `Bearer ${await system.identities.token("agent", { subject: "calm" })}`;
    expect(
      (await request(system.gatewayUrl, `{ __typename }`, {}, { authorization: other })).status,
    ).toBe(200);
  });
});
