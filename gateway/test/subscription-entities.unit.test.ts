import { buildSchema, GraphQLError, parse, subscribe, type ExecutionResult } from "graphql";
import { describe, expect, it } from "vitest";
import type { Principal } from "@waybill/auth";
import { eventFieldResolver, type RunQuery } from "../src/subscriptions/federated.ts";
import { ENTITIES, type Payload } from "../src/subscriptions/fields.ts";

// How an event's entity fields become a root query through the supergraph: the subscriber's
// selection with its fragments, variables and aliases, read back by response key, shared by
// subscribers asking the same with the same rights.

const schema = buildSchema(`
  interface Node { id: ID! }
  type Product { sku: String! name: String! }
  type Line implements Node { id: ID! product: Product! }
  type Order implements Node { id: ID! lines(first: Int): [Line!]! }
  type Shipment { id: ID! order: Order }
  type Query { shipment(id: ID!): Shipment order(id: ID!): Order }
  type MilestoneEvent { cursor: String! type: String! shipment: Shipment order: Order }
  type Subscription { shipmentMilestones: MilestoneEvent! }
`);

const principal: Principal = { subject: "agent-1", role: "agent", scopes: ["shipments:read"] };

const event = (cursor: string): Payload => ({
  cursor,
  type: "DELIVERED",
  [ENTITIES]: {
    shipment: { query: "shipment", argument: "id", type: "ID", value: "shp_1" },
    order: null,
  },
});

/** A stream that tells the given events, as a feed would. */
async function* told(...payloads: Payload[]) {
  for (const payload of payloads) yield await Promise.resolve(payload);
}

async function deliver(run: RunQuery, document: string, variables: Record<string, unknown>) {
  const results = (await subscribe({
    schema,
    document: parse(document),
    variableValues: variables,
    contextValue: { principal, principalKey: JSON.stringify(principal) },
    subscribeFieldResolver: () => told(event("7")),
    fieldResolver: eventFieldResolver(run),
  })) as AsyncIterableIterator<ExecutionResult>;
  const first = await results.next();
  return first.value as ExecutionResult;
}

describe("an event's entities", () => {
  it("are read with the subscriber's selection, fragments, variables and aliases", async () => {
    const asked: { query: string; variables: Record<string, unknown>; principal: Principal }[] = [];
    const run: RunQuery = (query, variables, as) => {
      asked.push({ query, variables, principal: as });
      return Promise.resolve({
        data: {
          entity: {
            __typename: "Shipment",
            id: "shp_1",
            parcel: {
              __typename: "Order",
              id: "ord_1",
              lines: [{ __typename: "Line", id: "l1", p: { __typename: "Product", name: "Mug" } }],
            },
          },
        },
      });
    };
    const result = await deliver(
      run,
      `subscription ($n: Int) { shipmentMilestones { cursor type shipment { id parcel: order { ...OrderLines } } order { id } } }
       fragment OrderLines on Order { id lines(first: $n) { ... on Node { id } p: product { name } } }`,
      { n: 2 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      shipmentMilestones: {
        cursor: "7",
        type: "DELIVERED",
        shipment: {
          id: "shp_1",
          parcel: { id: "ord_1", lines: [{ id: "l1", p: { name: "Mug" } }] },
        },
        order: null,
      },
    });
    expect(asked).toHaveLength(1);
    const [call] = asked;
    expect(call?.principal).toBe(principal);
    expect(call?.variables).toEqual({ key: "shp_1", n: 2 });
    const query = (call?.query ?? "").replace(/\s+/g, " ");
    expect(query).toContain("query SubscriptionEntity($key: ID!, $n: Int)");
    expect(query).toContain("entity: shipment(id: $key)");
    expect(query).toContain("fragment OrderLines on Order");
    // Every selection set names its type, so abstract types resolve from the answer.
    expect(query).toContain("lines(first: $n) { __typename ... on Node");
  });

  it("are read once for subscribers asking the same of one event with the same rights", async () => {
    let reads = 0;
    const run: RunQuery = () => {
      reads += 1;
      return Promise.resolve({ data: { entity: { __typename: "Shipment", id: "shp_1" } } });
    };
    const resolver = eventFieldResolver(run);
    const document = `subscription { shipmentMilestones { shipment { id } } }`;
    for (let i = 0; i < 3; i++) {
      const results = (await subscribe({
        schema,
        document: parse(document),
        contextValue: { principal, principalKey: JSON.stringify(principal) },
        subscribeFieldResolver: () => told(event("9")),
        fieldResolver: resolver,
      })) as AsyncIterableIterator<ExecutionResult>;
      expect((await results.next()).value).toEqual({
        data: { shipmentMilestones: { shipment: { id: "shp_1" } } },
      });
    }
    expect(reads).toBe(1);
  });

  it("a refused read is the field's error, with its code", async () => {
    const run: RunQuery = () =>
      Promise.resolve({
        data: { entity: null },
        errors: [new GraphQLError("not permitted", { extensions: { code: "FORBIDDEN" } })],
      });
    const result = await deliver(
      run,
      `subscription { shipmentMilestones { cursor shipment { id } } }`,
      {},
    );
    expect(result.data).toEqual({ shipmentMilestones: { cursor: "7", shipment: null } });
    expect(result.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.path).toEqual(["shipmentMilestones", "shipment"]);
  });
});
