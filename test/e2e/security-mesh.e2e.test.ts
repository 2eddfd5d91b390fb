// The closed mesh and the identities: subgraphs answer only the gateway, the gateway only callers
// it can authenticate, with the principal it verified and never one a client claims.
import { encodePrincipal, principalOf } from "@waybill/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPHS } from "../../scripts/subgraphs.ts";
import { buildWorld, type World } from "../support/authz/world.ts";
import { request } from "../support/graphql.ts";
import { signingKey, subgraphPost, subgraphRequest } from "../support/subgraph-calls.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let world: World;
let key: Buffer;

beforeAll(async () => {
  system = await startTestSystem();
  world = await buildWorld(system);
  key = signingKey(system.signingKeyFile);
}, 180_000);

afterAll(() => system?.dispose());

const admin = principalOf({ subject: "mesh:admin", role: "admin" });
const code = (answer: { errors?: { extensions?: { code?: string } }[] }) =>
  answer.errors?.[0]?.extensions?.code;

describe("subgraphs accept only requests the gateway signed", () => {
  it("refuses a direct call without a signature, with a wrong key, or with a changed body", async () => {
    for (const { name } of SUBGRAPHS) {
      const url = system.services[name].url;
      const query = `{ __typename }`;
      const unsigned = await subgraphRequest(url, query, {}, undefined);
      expect(unsigned.status, name).toBe(401);
      expect(code(unsigned)).toBe("UNAUTHENTICATED");
      const wrongKey = await subgraphRequest(
        url,
        query,
        {},
        { key: Buffer.alloc(32, 7), principal: admin },
      );
      expect(wrongKey.status, name).toBe(401);
      const signed = await subgraphRequest(url, query, {}, { key, principal: admin });
      expect(signed.status, name).toBe(200);
      expect(signed.data).toEqual({ __typename: "Query" });
    }
  });

  it("answers a signed body that is no operation with 400 and a reason, and serves a large one", async () => {
    for (const { name } of SUBGRAPHS) {
      const url = system.services[name].url;
      for (const body of ["{ not json", "null", "42", '"{ __typename }"']) {
        const answer = await subgraphPost(url, body, { key, principal: admin });
        expect(answer.status, `${name} ${body}`).toBe(400);
        expect(code(answer), `${name} ${body}`).toBe("BAD_REQUEST");
        expect(answer.errors?.[0]?.message, `${name} ${body}`).toMatch(/JSON|object/);
      }
    }
    // A body the size of a wave of shipments: the signature covers it, GraphQL reads it once.
    const large = await subgraphRequest(
      system.services.billing.url,
      `query ($id: ID!) { invoice(id: $id) { id } }`,
      { id: world.a.invoiceId, note: "x".repeat(200_000) },
      { key, principal: admin },
    );
    expect(large.status).toBe(200);
    expect(large.data).toEqual({ invoice: { id: world.a.invoiceId } });
  });

  it("refuses a signature replayed after its validity window, and one stamped in the future", async () => {
    const url = system.services.billing.url;
    const query = `query ($id: ID!) { invoice(id: $id) { id } }`;
    const variables = { id: world.a.invoiceId };
    const fresh = await subgraphRequest(url, query, variables, { key, principal: admin });
    expect(fresh.status).toBe(200);
    const replayed = await subgraphRequest(url, query, variables, {
      key,
      principal: admin,
      at: Date.now() - 31_000,
    });
    expect(replayed.status).toBe(401);
    expect(replayed.errors?.[0]?.message).toMatch(/expired/);
    const future = await subgraphRequest(url, query, variables, {
      key,
      principal: admin,
      at: Date.now() + 60_000,
    });
    expect(future.status).toBe(401);
  });

  it("refuses a principal that was not signed with the request", async () => {
    const url = system.services.orders.url;
    const customer = principalOf({
      subject: "c",
      role: "customer",
      customerId: world.a.customerId,
    });
    // Signed for the customer, then the principal header swapped for an admin's.
    const swapped = await subgraphRequest(
      url,
      `{ customers { edges { node { id } } } }`,
      {},
      { key, principal: customer },
      { "x-waybill-principal": encodePrincipal(admin) },
    );
    expect(swapped.status).toBe(401);
  });

  it("keeps each service's exception queue route and webhooks closed to direct callers", async () => {
    for (const { name } of SUBGRAPHS) {
      const route = new URL("/internal/exceptions", system.services[name].url);
      const direct = await fetch(route, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action: "list", first: 10 }),
      });
      expect(direct.status, name).toBe(401);
    }
    const hook = await fetch(
      new URL("/webhooks/shopify/orders-create", system.services.integrations.url),
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      },
    );
    expect(hook.status).toBe(401);
  });

  it("lets only an operator use the exception queue route, even with a valid signature", async () => {
    const { signRequest } = await import("@waybill/auth");
    const route = new URL("/internal/exceptions", system.services.billing.url);
    const body = JSON.stringify({ action: "list", first: 10 });
    const as = async (principal: ReturnType<typeof principalOf>) =>
      fetch(route, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...signRequest(key, {
            method: "POST",
            path: route.pathname,
            body,
            principal: encodePrincipal(principal),
          }),
        },
        body,
      });
    expect((await as(principalOf({ subject: "f", role: "finance" }))).status).toBe(403);
    expect((await as(admin)).status).toBe(200);
  });

  it("keeps the probes and metrics open: they carry no business data", async () => {
    for (const { name } of SUBGRAPHS)
      for (const path of ["/healthz", "/readyz", "/metrics"])
        expect(
          (await fetch(new URL(path, system.services[name].url))).status,
          `${name} ${path}`,
        ).toBe(200);
  });
});

describe("the gateway authenticates every caller", () => {
  const invoiceB = `query ($id: ID!) { invoice(id: $id) { id } }`;

  it("refuses a request without credentials, with bad ones, or with tokens it must not trust", async () => {
    const { identities } = system;
    const customer = { customerId: world.a.customerId };
    const cases: [string, Record<string, string>][] = [
      ["none", { authorization: "" }],
      ["not bearer", { authorization: "Basic dXNlcjpwYXNz" }],
      ["garbage", { authorization: "Bearer not-a-token" }],
      [
        "unknown key",
        { authorization: "Bearer wb_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
      ],
      ["forged", { authorization: `Bearer ${await identities.forged("admin")}` }],
      [
        "expired",
        {
          authorization: `Bearer ${await identities.token("customer", customer, { expiresIn: "-5m" })}`,
        },
      ],
      [
        "other audience",
        {
          authorization: `Bearer ${await identities.token("customer", customer, { audience: "someone-else" })}`,
        },
      ],
      [
        "other issuer",
        {
          authorization: `Bearer ${await identities.token("customer", customer, { issuer: "https://evil.example/" })}`,
        },
      ],
      [
        "customer without account",
        { authorization: `Bearer ${await identities.token("customer")}` },
      ],
    ];
    for (const [name, headers] of cases) {
      const answer = await request(system.gatewayUrl, invoiceB, { id: world.b.invoiceId }, headers);
      expect(answer.status, name).toBe(401);
      expect(code(answer), name).toBe("UNAUTHENTICATED");
      expect(answer.headers.get("www-authenticate"), name).toMatch(/^Bearer/);
      expect(JSON.stringify(answer), name).not.toContain(world.b.customerId);
    }
    const expired = await request(
      system.gatewayUrl,
      invoiceB,
      { id: world.b.invoiceId },
      {
        authorization: `Bearer ${await identities.token("customer", customer, { expiresIn: "-5m" })}`,
      },
    );
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
  });

  it("serves another Waybill process's signed call as the principal it names, and no forgery", async () => {
    const customerA = principalOf({
      subject: "service:test",
      role: "customer",
      customerId: world.a.customerId,
    });
    const query = `query ($id: ID!) { order(id: $id) { id } }`;
    const own = await subgraphRequest<{ order: { id: string } }>(
      system.gatewayUrl,
      query,
      { id: world.a.orderId },
      { key, principal: customerA },
    );
    expect(own.data?.order.id).toBe(world.a.orderId);
    // Signed for customer A: B's order is refused as it would be for A's own token.
    const other = await subgraphRequest(
      system.gatewayUrl,
      query,
      { id: world.b.orderId },
      { key, principal: customerA },
    );
    expect(code(other)).toBe("FORBIDDEN");
    // A signature under another key, or one replayed after its window, makes no principal.
    for (const signing of [
      { key: Buffer.alloc(32, 7), principal: admin },
      { key, principal: admin, at: Date.now() - 31_000 },
    ]) {
      const forged = await subgraphRequest(
        system.gatewayUrl,
        query,
        { id: world.b.orderId },
        signing,
      );
      expect(forged.status).toBe(401);
      expect(code(forged)).toBe("UNAUTHENTICATED");
    }
  });

  it("drops internal headers a client sends: a customer cannot pose as the gateway's admin", async () => {
    const token = await system.identities.token("customer", { customerId: world.a.customerId });
    const answer = await request(
      system.gatewayUrl,
      invoiceB,
      { id: world.b.invoiceId },
      {
        authorization: `Bearer ${token}`,
        "x-waybill-principal": encodePrincipal(admin),
        "x-waybill-timestamp": String(Date.now()),
        "x-waybill-signature": `v1=${"0".repeat(64)}`,
      },
    );
    expect(code(answer)).toBe("FORBIDDEN");
    const anonymous = await request(
      system.gatewayUrl,
      invoiceB,
      { id: world.b.invoiceId },
      {
        authorization: "",
        "x-waybill-principal": encodePrincipal(admin),
      },
    );
    expect(anonymous.status).toBe(401);
  });

  it("API keys: created by an admin, shown once, scoped, linked to accounts, revoked at once", async () => {
    const create = `mutation ($input: CreateApiKeyInput!) {
      createApiKey(input: $input) { secret apiKey { id role scopes accounts revokedAt } }
    }`;
    type Created = { createApiKey: { secret: string; apiKey: { id: string; scopes: string[] } } };
    const made = async (input: Record<string, unknown>) => {
      const answer = await request<Created>(system.gatewayUrl, create, { input });
      expect(answer.errors).toBeUndefined();
      return answer.data?.createApiKey ?? { secret: "", apiKey: { id: "", scopes: [] } };
    };
    const warehouse = await made({ name: "WMS east", role: "WAREHOUSE" });
    const asKey = (secret: string) => ({ authorization: `Bearer ${secret}` });
    const confirm = `mutation { confirmShipment(input: { orderId: "ord_missing", warehouse: "AMS1", lines: [{ lineId: "l", quantity: 1 }], carrier: "UPS", service: "STD", trackingNumber: "1Z", shippedAt: "2026-11-25T10:00:00Z", shippingCharge: "0" }) { __typename } }`;
    expect((await request(system.gatewayUrl, confirm, {}, asKey(warehouse.secret))).data).toEqual({
      confirmShipment: { __typename: "UnknownOrderError" },
    });
    // The same key in the X-API-Key header.
    expect(
      (await request(system.gatewayUrl, confirm, {}, { "x-api-key": warehouse.secret })).status,
    ).toBe(200);
    expect(
      code(
        await request(
          system.gatewayUrl,
          invoiceB,
          { id: world.b.invoiceId },
          asKey(warehouse.secret),
        ),
      ),
    ).toBe("FORBIDDEN");

    const narrowed = await made({
      name: "label printer",
      role: "WAREHOUSE",
      scopes: ["milestones:write"],
    });
    expect(narrowed.apiKey.scopes).toEqual(["milestones:write"]);
    expect(code(await request(system.gatewayUrl, confirm, {}, asKey(narrowed.secret)))).toBe(
      "FORBIDDEN",
    );

    const widened = await request(system.gatewayUrl, create, {
      input: { name: "greedy", role: "CARRIER", scopes: ["invoices:read"] },
    });
    expect(code(widened)).toBe("BAD_USER_INPUT");

    const partner = await made({ name: "3PL", role: "PARTNER", accounts: [world.a.customerId] });
    const invoices = `query ($id: ID!) { invoice(id: $id) { id } }`;
    expect(
      (await request(system.gatewayUrl, invoices, { id: world.a.invoiceId }, asKey(partner.secret)))
        .data,
    ).toEqual({
      invoice: { id: world.a.invoiceId },
    });
    expect(
      code(
        await request(
          system.gatewayUrl,
          invoices,
          { id: world.b.invoiceId },
          asKey(partner.secret),
        ),
      ),
    ).toBe("FORBIDDEN");

    const listed = await request(
      system.gatewayUrl,
      `{ apiKeys { edges { node { id name role } } } }`,
    );
    expect(JSON.stringify(listed)).not.toContain(warehouse.secret.split("_")[2]);

    await request(
      system.gatewayUrl,
      `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      {
        id: warehouse.apiKey.id,
      },
    );
    const revoked = await request(system.gatewayUrl, confirm, {}, asKey(warehouse.secret));
    expect(revoked.status).toBe(401);
    // A key with a changed secret is refused like an unknown one.
    const tampered = `${warehouse.secret.slice(0, -1)}${warehouse.secret.endsWith("A") ? "B" : "A"}`;
    expect((await request(system.gatewayUrl, confirm, {}, asKey(tampered))).status).toBe(401);
  });

  it("stores only a hash of each key", async () => {
    const { openStore } = await import("@waybill/store");
    const answer = await request<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      system.gatewayUrl,
      `mutation { createApiKey(input: { name: "hash check", role: CARRIER }) { secret apiKey { id } } }`,
    );
    const created = answer.data?.createApiKey;
    const store = await openStore({ database: "gateway", dataDir: `${system.dataDir}/data` });
    try {
      const record = await store.collection("api_keys").findOne({ _id: created?.apiKey.id ?? "" });
      expect(record).not.toBeNull();
      // The token is everything after the prefix and the id; base64url may itself hold "_".
      const token = created?.secret.split("_").slice(2).join("_");
      expect(token).toHaveLength(43);
      expect(JSON.stringify(record)).not.toContain(token);
    } finally {
      await store.close();
    }
  });
});
