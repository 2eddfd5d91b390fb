// The authorization matrix: every role against every root field, through the gateway and straight
// to the owning subgraph with a gateway-signed principal, on its own and on another customer's data.
import { readdirSync, readFileSync } from "node:fs";
import { Kind, OperationTypeNode, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPHS } from "../../scripts/subgraphs.ts";
import { ACTORS, isLimited, principalFor, tokenFor, type Actor } from "../support/authz/actors.ts";
import {
  ENTITY_CASES,
  expectation,
  ROOT_CASES,
  secretsOf,
  type Case,
  type Expectation,
} from "../support/authz/matrix.ts";
import { buildWorld, type Account, type World } from "../support/authz/world.ts";
import { execute, request, type GraphQLResponse, type Paged } from "../support/graphql.ts";
import { RECORD_MILESTONE } from "../documents/shipments.ts";
import { subscribeSse, type Received } from "../support/subscriptions.ts";
import { waitFor } from "@waybill/devtools";
import { signingKey, subgraphRequest } from "../support/subgraph-calls.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";
import { ROLE_SCOPES, type Scope } from "@waybill/auth";

/**
 * Each subscription field, read from the start of its stream with an entity selected: the scope
 * it needs, whose account an event is of, and what the event must show the actor.
 */
type SubscriptionCase = {
  name: string;
  scope: Scope;
  query: string;
  /** Whose account an event is of; absent where events are no customer's (stock). */
  customerOf?: (event: Record<string, unknown>) => unknown;
  judge: (event: Record<string, unknown>, actor: Actor, label: string) => void;
};

/** The entity an event refers to was read through the supergraph with the subscriber's rights. */
const entityRead =
  (entity: string, key: string) => (event: Record<string, unknown>, _actor: Actor, label: string) =>
    expect((event[entity] as Record<string, unknown> | null)?.id, label).toBe(event[key]);

const SUBSCRIPTION_CASES: SubscriptionCase[] = [
  {
    name: "shipmentMilestones",
    scope: "shipments:read",
    query: `subscription { shipmentMilestones(after: "0") { cursor shipmentId customerId shipment { id } } }`,
    customerOf: (event) => event.customerId,
    judge: entityRead("shipment", "shipmentId"),
  },
  {
    name: "orderUpdated",
    scope: "orders:read",
    query: `subscription { orderUpdated(after: "0") { cursor orderId customerId order { id customer { id } } } }`,
    customerOf: (event) => event.customerId,
    judge: entityRead("order", "orderId"),
  },
  {
    name: "invoiceEvents",
    scope: "invoices:read",
    query: `subscription { invoiceEvents(after: "0") { cursor kind invoiceId customerId invoice { id } } }`,
    customerOf: (event) => event.customerId,
    judge: entityRead("invoice", "invoiceId"),
  },
  {
    name: "returnEvents",
    scope: "returns:read",
    query: `subscription { returnEvents(after: "0") { cursor kind returnId customerId return { id } } }`,
    customerOf: (event) => event.customerId,
    judge: entityRead("return", "returnId"),
  },
  {
    name: "stockLevels",
    scope: "catalog:read",
    // Stock is no customer's: whoever may read the catalog hears every level.
    query: `subscription { stockLevels(after: "0") { cursor sku warehouse available onHand reserved product { sku } } }`,
    judge(event, actor, label) {
      const counts = ROLE_SCOPES[actor].includes("inventory:read");
      expect(event.onHand === null, label).toBe(!counts);
      expect(event.reserved === null, label).toBe(!counts);
      expect((event.product as { sku: string } | null)?.sku, label).toBe(event.sku);
    },
  },
];

let system: TestSystem;
let world: World;
let key: Buffer;
const tokens = new Map<Actor, string>();

beforeAll(async () => {
  system = await startTestSystem();
  world = await buildWorld(system);
  key = signingKey(system.signingKeyFile);
  for (const actor of ACTORS) tokens.set(actor, await tokenFor(system.identities, actor, world));
}, 180_000);

afterAll(() => system?.dispose());

type Answer = Omit<GraphQLResponse<Record<string, unknown>>, "headers">;

/** Checks one answer against what the matrix expects; returns a description of any mismatch. */
function judge(item: Case, expected: Expectation, answer: Answer, target: Account): string[] {
  const text = JSON.stringify({ data: answer.data, errors: answer.errors });
  const codes = (answer.errors ?? []).map((error) => error.extensions?.code);
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (expected === "allow") {
    if (!item.served(answer, target, world)) problems.push(`not served: ${text}`);
    if (codes.includes("FORBIDDEN")) problems.push("FORBIDDEN although allowed");
    return problems;
  }
  if (expected === "forbidden" && !codes.includes("FORBIDDEN"))
    problems.push(`expected FORBIDDEN, got ${text}`);
  if (expected === "hidden" && codes.length) problems.push(`expected no error, got ${text}`);
  for (const secret of secretsOf(target))
    if (target === world.b && text.includes(secret)) problems.push(`leaked ${secret}`);
  return problems;
}

async function viaGateway(item: Case, actor: Actor, target: Account): Promise<Answer> {
  return request(system.gatewayUrl, item.document, item.variables(target, world), {
    authorization: `Bearer ${tokens.get(actor) ?? ""}`,
  });
}

async function direct(item: Case, actor: Actor, target: Account): Promise<Answer> {
  const url = system.services[item.subgraph as keyof TestSystem["services"]].url;
  return subgraphRequest(url, item.document, item.variables(target, world), {
    key,
    principal: principalFor(actor, world),
  });
}

async function runMatrix(cases: Case[], call: typeof direct) {
  const failures: string[] = [];
  let checked = 0;
  for (const item of cases)
    for (const actor of ACTORS)
      for (const target of item.foreign ? [world.a, world.b] : [world.a]) {
        const expected = expectation(item, actor, target, world);
        const answer = await call(item, actor, target);
        checked += 1;
        for (const problem of judge(item, expected, answer, target))
          failures.push(
            `${item.name} as ${actor} on ${target === world.a ? "own" : "foreign"} data (${expected}): ${problem}`,
          );
      }
  return { failures, checked };
}

/** The root fields of the API schema, as clients see them. */
function rootFields(): Set<string> {
  const sdl = readFileSync(new URL("../../schema/api.graphql", import.meta.url), "utf8");
  const fields = new Set<string>();
  for (const definition of parse(sdl).definitions)
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION &&
      ["Query", "Mutation", "Subscription"].includes(definition.name.value)
    )
      for (const field of definition.fields ?? [])
        fields.add(`${definition.name.value}.${field.name.value}`);
  return fields;
}

describe("authorization matrix", () => {
  it("covers every root field of the API (a new field must be added to the matrix)", () => {
    const covered = new Set([
      ...ROOT_CASES.map((item) => {
        const operation = parse(item.document).definitions[0];
        const isMutation =
          operation?.kind === Kind.OPERATION_DEFINITION &&
          operation.operation === OperationTypeNode.MUTATION;
        return `${isMutation ? "Mutation" : "Query"}.${item.name.split(/[ .]/)[0] ?? ""}`;
      }),
      ...SUBSCRIPTION_CASES.map((field) => `Subscription.${field.name}`),
    ]);
    expect([...rootFields()].filter((name) => !covered.has(name))).toEqual([]);
  });

  it("through the gateway, every role gets exactly what it may and nothing of another customer", async () => {
    const { failures, checked } = await runMatrix(ROOT_CASES, viaGateway);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(250);
  }, 300_000);

  it("straight to each subgraph with a signed principal, the subgraph enforces the same matrix", async () => {
    const local = ROOT_CASES.filter((item) => item.subgraph !== "gateway");
    const { failures } = await runMatrix(local, direct);
    expect(failures).toEqual([]);
  }, 300_000);

  it("every entity's _entities path enforces it too: by reference, nobody reaches another customer's data", async () => {
    const { failures, checked } = await runMatrix(ENTITY_CASES, direct);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 300_000);

  it("covers the _entities path of every entity each subgraph resolves", () => {
    for (const { name } of SUBGRAPHS) {
      const folder = new URL(`../../services/${name}/src/schema/`, import.meta.url);
      const sdl = readdirSync(folder)
        .filter((file) => file.endsWith(".graphql"))
        .map((file) => readFileSync(new URL(file, folder), "utf8"))
        .join("\n");
      const keyed = [...sdl.matchAll(/^type (\w+) @key\((?![^)]*resolvable: false)/gm)].map(
        (match) => match[1],
      );
      for (const type of keyed)
        expect(
          ENTITY_CASES.some(
            (item) => item.subgraph === name && item.name.startsWith(`_entities:${type}`),
          ),
          `${name} ${type}`,
        ).toBe(true);
    }
  });

  it("every subscription: each role hears what it may, limited roles only their accounts', entities read with their rights", async () => {
    await execute(system.gatewayUrl, RECORD_MILESTONE, {
      input: {
        shipmentId: world.a.shipmentId,
        type: "IN_TRANSIT",
        occurredAt: new Date().toISOString(),
      },
    });
    const heard: { field: SubscriptionCase; actor: Actor; received: Received }[] = [];
    for (const field of SUBSCRIPTION_CASES)
      for (const actor of ACTORS)
        heard.push({
          field,
          actor,
          received: subscribeSse(
            system.gatewayUrl,
            `Bearer ${tokens.get(actor) ?? ""}`,
            { query: field.query },
            field.name,
          ),
        });
    try {
      for (const { field, actor, received } of heard) {
        const scopes = ROLE_SCOPES[actor];
        const label = `${field.name} as ${actor}`;
        if (!scopes.includes(field.scope)) {
          await waitFor(() => (received.errors.length ? true : undefined), {
            description: `the refusal of ${label}`,
            timeoutMs: 15_000,
            intervalMs: 50,
          });
          expect(JSON.stringify(received.errors), label).toContain("FORBIDDEN");
          expect(received.events, label).toEqual([]);
          continue;
        }
        const customerOf = field.customerOf;
        if (!customerOf) {
          await waitFor(() => (received.events.length ? true : undefined), {
            description: `${label} to hear an event`,
            timeoutMs: 15_000,
            intervalMs: 50,
          });
        } else {
          const of = (account: Account) => (event: Record<string, unknown>) =>
            customerOf(event) === account.customerId;
          await waitFor(() => (received.events.some(of(world.a)) ? true : undefined), {
            description: `${label} to hear of A`,
            timeoutMs: 15_000,
            intervalMs: 50,
          });
          if (isLimited(actor)) {
            // A's events and B's come through one ordered read; a leak would show within moments.
            await new Promise((resolve) => setTimeout(resolve, 300));
            expect(received.events.some(of(world.b)), label).toBe(false);
          } else
            await waitFor(() => (received.events.some(of(world.b)) ? true : undefined), {
              description: `${label} to hear of B`,
              timeoutMs: 15_000,
              intervalMs: 50,
            });
        }
        expect(received.errors, label).toEqual([]);
        for (const event of received.events) field.judge(event, actor, label);
      }
    } finally {
      for (const { received } of heard) received.stop();
    }
  }, 120_000);

  it("clients cannot send _entities or _service to the gateway", async () => {
    const answer = await request(
      system.gatewayUrl,
      `{ _entities(representations: [{ __typename: "Order", id: "${world.b.orderId}" }]) { __typename } }`,
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(answer)).not.toContain(world.b.customerId);
  });

  it("a customer's order 360 through the gateway spans the subgraphs, and another's is refused", async () => {
    const query = `query ($id: ID!) { order(id: $id) { id customer { id } shipments { edges { node { id invoice { id } } } } invoices { edges { node { id } } } returns { edges { node { id } } } } }`;
    const auth = { authorization: `Bearer ${tokens.get("customer") ?? ""}` };
    const own = await request<{ order: { shipments: Paged<{ invoice: { id: string } }> } }>(
      system.gatewayUrl,
      query,
      { id: world.a.orderId },
      auth,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.order.shipments.edges[0]?.node.invoice.id).toBe(world.a.invoiceId);
    const other = await request<{ order: unknown }>(
      system.gatewayUrl,
      query,
      { id: world.b.orderId },
      auth,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(other.data?.order ?? null).toBeNull();
    const missing = await request(system.gatewayUrl, query, { id: "ord_does_not_exist" }, auth);
    // Someone else's order and no order at all look the same to a customer.
    expect(missing.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual(
      other.errors?.map(({ message, extensions }) => ({ message, extensions })),
    );
  });
});
