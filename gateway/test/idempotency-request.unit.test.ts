import { describe, expect, it } from "vitest";
import { gatewayConfig } from "../src/config.ts";
import {
  canonicalJson,
  idempotencyKeyOf,
  keyedMutation,
  requestHash,
} from "../src/idempotency/request.ts";

const CONFIRM =
  "mutation Confirm($input: ConfirmShipmentInput!) { confirmShipment(input: $input) { __typename } }";
const parseOptions = { maxLexicalTokens: 2000 };

const hashOf = (body: unknown) => {
  const mutation = keyedMutation(body, parseOptions);
  if (!mutation) throw new Error("not a mutation");
  return requestHash(mutation);
};

describe("the request an idempotency key stands for", () => {
  it("hashes the same variables in another key order alike, at every depth", () => {
    const a = { orderId: "o1", lines: [{ lineId: "l1", quantity: 1 }], carrier: "DHL" };
    const b = { carrier: "DHL", lines: [{ quantity: 1, lineId: "l1" }], orderId: "o1" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(hashOf({ query: CONFIRM, variables: { input: a } })).toBe(
      hashOf({ query: CONFIRM, variables: { input: b } }),
    );
  });

  it("hashes a document laid out differently alike, and ignores the key it carries", () => {
    const spaced = CONFIRM.replace("{ confirmShipment", "{\n  # a comment\n  confirmShipment");
    expect(hashOf({ query: spaced, variables: {} })).toBe(hashOf({ query: CONFIRM }));
    expect(hashOf({ query: CONFIRM, extensions: { idempotencyKey: "k1" } })).toBe(
      hashOf({ query: CONFIRM, extensions: { idempotencyKey: "k2" } }),
    );
  });

  it("hashes other variables, another order of a list, another operation name or document apart", () => {
    const base = hashOf({ query: CONFIRM, variables: { input: { quantity: 1 } } });
    expect(hashOf({ query: CONFIRM, variables: { input: { quantity: 2 } } })).not.toBe(base);
    expect(hashOf({ query: CONFIRM, variables: { input: { quantity: "1" } } })).not.toBe(base);
    expect(hashOf({ query: CONFIRM, variables: { input: { quantity: 1, note: null } } })).not.toBe(
      base,
    );
    expect(hashOf({ query: CONFIRM, variables: { l: [1, 2] } })).not.toBe(
      hashOf({ query: CONFIRM, variables: { l: [2, 1] } }),
    );
    expect(
      hashOf({ query: CONFIRM, operationName: "Confirm", variables: { input: { quantity: 1 } } }),
    ).not.toBe(base);
    expect(
      hashOf({
        query: CONFIRM.replace("__typename", "__typename id"),
        variables: { input: { quantity: 1 } },
      }),
    ).not.toBe(base);
  });

  it("applies to mutations only: queries, unparsable documents and batches carry none", () => {
    expect(keyedMutation({ query: "{ orders { id } }" }, parseOptions)).toBeUndefined();
    expect(keyedMutation({ query: "mutation {" }, parseOptions)).toBeUndefined();
    expect(keyedMutation([{ query: CONFIRM }], parseOptions)).toBeUndefined();
    const two = `query Q { a } ${CONFIRM}`;
    expect(keyedMutation({ query: two, operationName: "Q" }, parseOptions)).toBeUndefined();
    expect(keyedMutation({ query: two, operationName: "Confirm" }, parseOptions)).toMatchObject({
      operationName: "Confirm",
    });
  });
});

describe("idempotency keys", () => {
  it("takes the header, bare or as a quoted string, or extensions.idempotencyKey", () => {
    expect(idempotencyKeyOf("abc-123", {})).toBe("abc-123");
    expect(idempotencyKeyOf('"8e03978e-40d5"', {})).toBe("8e03978e-40d5");
    expect(idempotencyKeyOf(undefined, { extensions: { idempotencyKey: "k 1" } })).toBe("k 1");
    expect(idempotencyKeyOf("k", { extensions: { idempotencyKey: "k" } })).toBe("k");
    expect(idempotencyKeyOf(undefined, { query: "{ a }" })).toBeUndefined();
  });

  it("refuses keys that are empty, too long, not printable ASCII, or given twice apart", () => {
    const refused = (header: string | string[] | undefined, body: unknown = {}) => {
      try {
        idempotencyKeyOf(header, body);
      } catch (error) {
        return error as { status: number; code: string };
      }
      return undefined;
    };
    expect(idempotencyKeyOf("x".repeat(255), {})).toHaveLength(255);
    for (const bad of ["", '""', "x".repeat(256), "caf\u00e9", "tab\there", "line\u0007"])
      expect(refused(bad)).toMatchObject({ status: 400, code: "BAD_USER_INPUT" });
    expect(refused(["a", "b"])).toMatchObject({ status: 400 });
    expect(refused("a", { extensions: { idempotencyKey: "b" } })).toMatchObject({ status: 400 });
    expect(refused(undefined, { extensions: { idempotencyKey: 7 } })).toMatchObject({
      status: 400,
    });
  });

  it("keeps answers a day unless IDEMPOTENCY_TTL_SECONDS says otherwise, and refuses a bad TTL", () => {
    const base = { INTERNAL_SIGNING_KEY: "a-signing-key-of-at-least-32-bytes!!" };
    expect(gatewayConfig(base).IDEMPOTENCY_TTL_SECONDS).toBe(86_400);
    expect(gatewayConfig({ ...base, IDEMPOTENCY_TTL_SECONDS: "5" }).IDEMPOTENCY_TTL_SECONDS).toBe(
      5,
    );
    for (const bad of ["0", "-1", "1.5", "soon", String(31 * 86_400)])
      expect(() => gatewayConfig({ ...base, IDEMPOTENCY_TTL_SECONDS: bad })).toThrow(
        /IDEMPOTENCY_TTL_SECONDS/,
      );
  });
});
