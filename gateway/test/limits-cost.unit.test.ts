// The cost limits over the real API schema at their defaults: every document the tests and the
// benchmarks send is served, a legal page of any list is, and large pages nested in large pages
// are refused.
import { readFileSync } from "node:fs";
import { buildSchema, getOperationAST, Kind, parse, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PAGE_SIZE } from "@waybill/graphql";
import * as documents from "../../test/documents/generated/graphql.ts";
import { costCheck, costOf } from "../src/limits/cost.ts";
import { limitsEnv } from "../src/limits/index.ts";

const schema = buildSchema(
  readFileSync(new URL("../../schema/api.graphql", import.meta.url), "utf8"),
);
const defaults = z.object(limitsEnv).parse({});
const check = costCheck({ maxCost: defaults.QUERY_MAX_COST, maxRows: defaults.QUERY_MAX_ROWS });

const refusal = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return check(schema, document, operation, variables)?.message;
};
const rows = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return costOf(schema, document, operation, variables).rows;
};

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === "object" && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

describe("the cost limits at their defaults, over the API schema", () => {
  it("serve every document the tests and benchmarks send", () => {
    const sent = Object.entries(documents).filter(([, value]) => isDocument(value));
    expect(sent.length).toBeGreaterThan(20);
    for (const [name, document] of sent as [string, DocumentNode][]) {
      const operation = getOperationAST(document);
      if (!operation) continue;
      expect(check(schema, document, operation, { first: PAGE_SIZE.max }), name).toBeUndefined();
    }
  });

  it("serve the largest page of every list, however wide its rows", () => {
    const order = `id placedAt fulfilmentStatus billingStatus total { amount currency }
      customer { id name email billingPolicy }
      lines { id sku quantity shippedQuantity invoicedQuantity product { sku name available } }`;
    expect(
      refusal(
        `query ($first: Int) { orders(first: $first) {
        edges { cursor node { ${order} } } pageInfo { hasNextPage endCursor } } }`,
        {
          first: PAGE_SIZE.max,
        },
      ),
    ).toBeUndefined();
    expect(
      refusal(`{ customers(first: ${PAGE_SIZE.max}) { edges { node { id name email } } }
        invoices(first: ${PAGE_SIZE.max}) { edges { node { id number total { amount } } } } }`),
    ).toBeUndefined();
  });

  it("count a list's page size into what is inside it", () => {
    expect(rows("{ orders { edges { node { id } } } }")).toBe(PAGE_SIZE.default);
    expect(
      rows(`{ orders(first: 100) { edges { node {
        shipments(first: 5) { edges { node { milestones(first: 10) { edges { node { type } } } } } }
        invoices(first: 5) { edges { node { id } } } } } } }`),
    ).toBe(100 + 100 * 5 + 100 * 5 * 10 + 100 * 5);
    // A page size beyond the largest is refused by the subgraph; it costs as the largest here.
    expect(rows("{ orders(first: 100000) { edges { node { id } } } }")).toBe(PAGE_SIZE.max);
  });

  it("refuse large pages nested in large pages", () => {
    const nested = `query ($n: Int, $m: Int) { customers(first: $n) { edges { node {
      orders(first: $m) { edges { node { id } } } } } } }`;
    expect(refusal(nested, { n: PAGE_SIZE.max, m: PAGE_SIZE.max })).toMatch(/more than 10000 rows/);
    expect(refusal(nested, { n: PAGE_SIZE.max, m: 10 })).toBeUndefined();
    expect(
      refusal(`{ order(id: "o") { shipments { edges { node {
        milestones(first: 200) { edges { node { type } } } } } } } }`),
    ).toMatch(/rows/);
  });
});
