import { ApolloServer } from "@apollo/server";
import { describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { limitsEnv, queryLimits } from "../src/limits/index.ts";

const typeDefs = `#graphql
  enum Color { RED GREEN }
  type Item { id: ID!, name: String, child: Item, items(first: Int, after: String): ItemConnection! }
  type ItemConnection { edges: [ItemEdge!]!, pageInfo: PageInfo! }
  type ItemEdge { cursor: String!, node: Item! }
  type PageInfo { hasNextPage: Boolean!, endCursor: String }
  type Query {
    item: Item
    items(first: Int, after: String): ItemConnection!
    paint(color: Color): String
  }
`;

/** Generous limits, so that each test tightens only the one it exercises. */
const GENEROUS = {
  QUERY_MAX_DEPTH: "50",
  QUERY_MAX_COST: "100000",
  QUERY_MAX_ROWS: "1000000",
  QUERY_MAX_ALIASES: "50",
  QUERY_MAX_TOKENS: "5000",
  QUERY_MAX_DIRECTIVES: "50",
};

/** An Apollo Server over the toy schema with the limits; counts the resolver calls it makes. */
function serverWith(
  env: Partial<Record<keyof typeof GENEROUS, string>>,
  generous: Partial<typeof GENEROUS> = GENEROUS,
) {
  const config = z.object(limitsEnv).parse({ ...generous, ...env });
  const calls = { count: 0 };
  const item = () => {
    calls.count++;
    return { id: "1", name: "crate", child: { id: "2", name: "box" } };
  };
  const page = () => ({
    edges: [{ cursor: "c1", node: item() }],
    pageInfo: { hasNextPage: false, endCursor: "c1" },
  });
  const server = new ApolloServer({
    typeDefs,
    resolvers: {
      Query: { item, items: page, paint: () => "painted" },
      Item: { child: () => ({ id: "3" }), items: page },
    },
    ...queryLimits(config),
  });
  onTestFinished(() => server.stop());
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    const { errors } = response.body.singleResult;
    return {
      status: response.http.status,
      errors: errors?.map(({ message, extensions }) => ({ message, code: extensions?.code })),
    };
  };
  return { run, calls };
}

const refusal = (code: string, message: string) => ({
  status: 400,
  errors: [{ code, message }],
});
const served = { status: undefined, errors: undefined };

describe("query limits", () => {
  it("refuses a query deeper than QUERY_MAX_DEPTH before resolving anything", async () => {
    const { run, calls } = serverWith({ QUERY_MAX_DEPTH: "3" });
    expect(await run("{ item { child { child { id } } } }")).toEqual(
      refusal("QUERY_TOO_DEEP", "query is deeper than 3 levels"),
    );
    expect(calls.count).toBe(0);
    expect(await run("{ item { child { id } } }")).toEqual(served);
  });

  it("refuses a query whose shape costs more than QUERY_MAX_COST", async () => {
    // armor's cost of `item { id name child { id } }` is 2 + 1.5 × (1 + 1 + (2 + 1.5 × 1)) = 10.25
    const { run, calls } = serverWith({ QUERY_MAX_COST: "10" });
    expect(await run("{ item { id name child { id } } }")).toEqual(
      refusal("QUERY_TOO_COSTLY", "query costs more than the limit of 10"),
    );
    expect(calls.count).toBe(0);
    expect(await run("{ item { id child { id } } }")).toEqual(served);
  });

  it("refuses a query asking for more rows than QUERY_MAX_ROWS, page sizes multiplied", async () => {
    const { run, calls } = serverWith({ QUERY_MAX_ROWS: "1000" });
    const nested = (outer: string, inner: string) =>
      `query${outer === "$n" ? " ($n: Int)" : ""} { items(first: ${outer}) { edges { node { items(first: ${inner}) { edges { node { id } } } } } } }`;
    const tooMany = refusal(
      "QUERY_TOO_COSTLY",
      "query asks for more than 1000 rows (page sizes multiplied through nested lists)",
    );
    // 100 + 100 × 10 rows
    expect(await run(nested("100", "10"))).toEqual(tooMany);
    expect(await run(nested("$n", "10"), { n: 100 })).toEqual(tooMany);
    // a variable not given is a page of the default size, 50: 50 + 50 × 50
    expect(await run(nested("$n", "$n"))).toEqual(tooMany);
    expect(await run("{ items { edges { node { items { edges { node { id } } } } } } }")).toEqual(
      tooMany,
    );
    expect(calls.count).toBe(0);
    // 90 + 90 × 10 rows
    expect(await run(nested("90", "10"))).toEqual(served);
    expect(await run(nested("$n", "10"), { n: 90 })).toEqual(served);
  });

  it("refuses more aliases than QUERY_MAX_ALIASES", async () => {
    const { run, calls } = serverWith({ QUERY_MAX_ALIASES: "2" });
    expect(await run("{ a: item { id } b: item { id } c: item { id } }")).toEqual(
      refusal("TOO_MANY_ALIASES", "query uses more than 2 aliases"),
    );
    expect(calls.count).toBe(0);
    expect(await run("{ a: item { id } b: item { id } }")).toEqual(served);
  });

  it("counts aliases of __typename like any other alias", async () => {
    const { run, calls } = serverWith({ QUERY_MAX_ALIASES: "2" });
    expect(await run("{ item { a: __typename b: __typename c: __typename } }")).toEqual(
      refusal("TOO_MANY_ALIASES", "query uses more than 2 aliases"),
    );
    expect(calls.count).toBe(0);
  });

  it("refuses more directives than QUERY_MAX_DIRECTIVES", async () => {
    const { run, calls } = serverWith({ QUERY_MAX_DIRECTIVES: "2" });
    const query = (n: number) => `{ item { ${"id @skip(if: false) ".repeat(n)} } }`;
    expect(await run(query(3))).toEqual(
      refusal("TOO_MANY_DIRECTIVES", "query uses more than 2 directives"),
    );
    expect(calls.count).toBe(0);
    expect(await run(query(2))).toEqual(served);
  });

  it("stops parsing a document longer than QUERY_MAX_TOKENS", async () => {
    const { run, calls } = serverWith({ QUERY_MAX_TOKENS: "20" });
    // `{`, `}` and one token per field; comments are not tokens
    const query = (tokens: number) => `# comment\n{ ${"__typename ".repeat(tokens - 2)}}`;
    expect(await run(query(21))).toEqual(
      refusal("TOO_MANY_TOKENS", "query has more than 20 tokens"),
    );
    expect(calls.count).toBe(0);
    expect(await run(query(20))).toEqual(served);
  });

  it("keeps Apollo's codes for other invalid documents", async () => {
    const { run } = serverWith({ QUERY_MAX_TOKENS: "20" });
    expect(await run("{ item { id }")).toEqual(
      refusal("GRAPHQL_PARSE_FAILED", "Syntax Error: Expected Name, found <EOF>."),
    );
    expect(await run('{ items(first: "x") { edges { node { id } } } }')).toEqual(
      refusal("GRAPHQL_VALIDATION_FAILED", 'Int cannot represent non-integer value: "x"'),
    );
  });

  it("names no field, type or enum value in its suggestions", async () => {
    const { run } = serverWith({});
    expect(await run("{ itme { id } }")).toEqual(
      refusal("GRAPHQL_VALIDATION_FAILED", 'Cannot query field "itme" on type "Query".'),
    );
    expect(await run("{ paint(color: REDD) }")).toEqual(
      refusal("GRAPHQL_VALIDATION_FAILED", 'Value "REDD" does not exist in "Color" enum.'),
    );
    expect(await run("query ($c: Color) { paint(color: $c) }", { c: "REDD" })).toEqual({
      status: 400,
      errors: [
        {
          code: "BAD_USER_INPUT",
          message:
            'Variable "$c" got invalid value "REDD"; Value "REDD" does not exist in "Color" enum.',
        },
      ],
    });
  });
});

describe("page sizes in the cost, at the default limits", () => {
  const defaults = {};
  const wide = "id name child { id name child { id name } }";

  it("serves a legal page of any list, written or in a variable, however wide its rows", async () => {
    const { run } = serverWith({}, defaults);
    const page = (first: string) =>
      `query${first === "$n" ? " ($n: Int)" : ""} { items(first: ${first}) { edges { cursor node { ${wide} } } pageInfo { hasNextPage endCursor } } }`;
    expect(await run(page("200"))).toEqual(served);
    expect(await run(page("$n"), { n: 200 })).toEqual(served);
    // armor's own rule multiplied the whole selection by `first` and refused this: 200 × 96.25
    expect(await run(`{ item { items(first: 200) { edges { node { ${wide} } } } } }`)).toEqual(
      served,
    );
  });

  it("refuses large pages nested in large pages, written or in variables", async () => {
    const { run, calls } = serverWith({}, defaults);
    const nested =
      "query ($n: Int, $m: Int) { items(first: $n) { edges { node { items(first: $m) { edges { node { id } } } } } } }";
    expect(await run(nested, { n: 200, m: 200 })).toMatchObject({
      status: 400,
      errors: [{ code: "QUERY_TOO_COSTLY" }],
    });
    expect(
      await run(
        "{ items(first: 200) { edges { node { items(first: 51) { edges { node { id } } } } } } }",
      ),
    ).toMatchObject({ status: 400, errors: [{ code: "QUERY_TOO_COSTLY" }] });
    expect(calls.count).toBe(0);
    // 200 + 200 × 10 rows
    expect(await run(nested, { n: 200, m: 10 })).toEqual(served);
  });

  it("counts a list in a fragment where the fragment is spread", async () => {
    const { run } = serverWith({ QUERY_MAX_ROWS: "1000" });
    const query = (inner: number) => `
      fragment Inner on Item { items(first: ${inner}) { edges { node { id } } } }
      { items(first: 90) { edges { node { ...Inner } } } }`;
    expect(await run(query(11))).toMatchObject({ errors: [{ code: "QUERY_TOO_COSTLY" }] });
    expect(await run(query(10))).toEqual(served);
  });
});
