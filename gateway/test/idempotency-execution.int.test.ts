import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, testPrincipal, waitFor, type TestStore } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import {
  idempotencyRecords,
  idempotentExecution,
  type GraphQLAnswer,
  type IdempotencyOutcome,
} from "../src/idempotency/index.ts";

const MUTATION = { query: "mutation { confirmShipment(input: {}) { __typename } }" };
const OTHER = { query: "mutation { recordMilestone(input: {}) { __typename } }" };
const json = (body: unknown, status = 200): GraphQLAnswer => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8" },
  body: JSON.stringify(body),
});

let testStore: TestStore;
let outcomes: IdempotencyOutcome[];

beforeEach(async () => {
  testStore = await openTestStore("gateway");
  outcomes = [];
});
afterEach(async () => {
  await testStore.close();
});

const setUp = async (options: { waitMs?: number; ttlSeconds?: number } = {}) => {
  const records = await idempotencyRecords(testStore.store, options.ttlSeconds ?? 3600);
  const run = idempotentExecution({
    records,
    parseOptions: {},
    logger: createLogger("gateway", "silent"),
    count: (outcome) => outcomes.push(outcome),
    ...(options.waitMs === undefined ? {} : { waitMs: options.waitMs }),
  });
  return { records, run };
};

/** An execution that counts its runs and finishes when told to. */
function gatedExecution(answer: GraphQLAnswer) {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const execution = {
    runs: 0,
    open,
    execute: async () => {
      execution.runs += 1;
      await gate;
      return answer;
    },
  };
  return execution;
}

const principal = testPrincipal("warehouse");

describe("idempotent execution over the gateway's store", () => {
  it("makes a second request with the key wait for the first and replay its answer", async () => {
    const { run } = await setUp();
    const first = gatedExecution(json({ data: { confirmShipment: { id: "s1" } } }));
    const firstAnswer = run(principal, "k", MUTATION, first.execute);
    await waitFor(() => first.runs === 1 || undefined, { description: "the first to start" });
    const secondAnswer = run(principal, "k", MUTATION, first.execute);
    first.open();

    const [a, b] = await Promise.all([firstAnswer, secondAnswer]);
    expect(first.runs).toBe(1);
    expect(b.body).toBe(a.body);
    expect(b.headers["idempotent-replayed"]).toBe("true");
    expect(a.headers["idempotent-replayed"]).toBeUndefined();
    expect(outcomes).toEqual(["replayed"]);
  });

  it("answers 409 IDEMPOTENCY_KEY_IN_PROGRESS when the first outlasts the wait", async () => {
    const { run } = await setUp({ waitMs: 200 });
    const first = gatedExecution(json({ data: {} }));
    const firstAnswer = run(principal, "k", MUTATION, first.execute);
    await waitFor(() => first.runs === 1 || undefined, { description: "the first to start" });

    await expect(run(principal, "k", MUTATION, first.execute)).rejects.toMatchObject({
      status: 409,
      code: "IDEMPOTENCY_KEY_IN_PROGRESS",
      headers: { "retry-after": "1" },
    });
    // A different request with the key is refused as reuse, without waiting.
    await expect(run(principal, "k", OTHER, first.execute)).rejects.toMatchObject({
      status: 422,
      code: "IDEMPOTENCY_KEY_REUSED",
    });
    first.open();
    await firstAnswer;
    expect(first.runs).toBe(1);
    expect(outcomes).toEqual(["in_progress", "reused"]);
  });

  it("keeps an answer that has data, errors included, and frees the key when nothing ran", async () => {
    const { run } = await setUp();
    let runs = 0;
    const answering = (answer: GraphQLAnswer) => () => {
      runs += 1;
      return Promise.resolve(answer);
    };
    const failing = () => {
      runs += 1;
      return Promise.reject(new Error("gateway down"));
    };
    await expect(run(principal, "a", MUTATION, failing)).rejects.toThrow("gateway down");
    const refused = json({ errors: [{ message: "bad variables" }] }, 400);
    expect(await run(principal, "a", MUTATION, answering(refused))).toEqual(refused);
    const partial = json({ data: null, errors: [{ message: "subgraph failed" }] });
    expect(await run(principal, "a", MUTATION, answering(partial))).toEqual(partial);
    expect(runs).toBe(3);

    const replay = await run(principal, "a", MUTATION, answering(json({ data: {} })));
    expect(runs).toBe(3);
    expect(replay).toMatchObject({ status: 200, body: partial.body });
    // Queries and requests without a key just run.
    await run(principal, "a", { query: "{ orders { id } }" }, answering(json({ data: {} })));
    await run(principal, undefined, MUTATION, answering(json({ data: {} })));
    expect(runs).toBe(5);
  });

  it("sweeps expired records and only those", async () => {
    const { records } = await setUp({ ttlSeconds: 1 });
    const lasting = await idempotencyRecords(testStore.store, 3600);
    await records.claim("p", "short", "h");
    await lasting.claim("p", "long", "h");

    await waitFor(async () => (await records.sweep()) === 1 || undefined, {
      description: "the short record to expire",
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    const collection = testStore.store.collection("idempotency_keys");
    expect((await collection.find({})).map((record) => record._id)).toEqual([
      JSON.stringify(["p", "long"]),
    ]);
  });
});
