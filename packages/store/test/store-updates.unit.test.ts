import fc from "fast-check";
import { update as mingoUpdate } from "mingo";
import { describe, expect, it } from "vitest";
import { applyUpdate } from "../src/matcher.ts";

type Doc = Record<string, unknown>;

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom("a", "b", "c"),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.record({ x: scalar, y: fc.array(scalar, { maxLength: 2 }) }, { requiredKeys: [] }),
);
const path = fc.constantFrom(
  "a",
  "b",
  "n",
  "list",
  "nested",
  "nested.x",
  "nested.y",
  "nested.z.deep",
);
const doc = fc.record(
  {
    a: value,
    b: value,
    n: fc.integer({ min: -5, max: 5 }),
    list: fc.array(scalar, { maxLength: 4 }),
    nested: fc.record({ x: scalar, y: fc.array(scalar, { maxLength: 3 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const operations = {
  $set: value,
  $unset: fc.constant(""),
  $inc: fc.integer({ min: -3, max: 3 }),
  $max: fc.integer({ min: -5, max: 5 }),
  $min: fc.integer({ min: -5, max: 5 }),
  $mul: fc.integer({ min: -2, max: 2 }),
  $push: fc.oneof(scalar, fc.record({ $each: fc.array(scalar, { maxLength: 3 }) })),
  $addToSet: scalar,
  $pull: scalar,
  $pop: fc.constantFrom(1, -1),
};
const operation = fc.oneof(
  ...Object.entries(operations).map(([name, values]) =>
    fc.tuple(fc.constant(name), values as fc.Arbitrary<unknown>),
  ),
);
/** Distinct paths, each under one operator: mostly updates MongoDB accepts. */
const distinctPaths = fc
  .uniqueArray(path, { minLength: 1, maxLength: 4 })
  .chain((paths) => fc.tuple(...paths.map(() => operation)).map((ops) => ({ paths, ops })))
  .map(({ paths, ops }) => {
    const change: Record<string, Record<string, unknown>> = {};
    ops.forEach(([name, fieldValue], i) => {
      change[name] = { ...change[name], [paths[i] ?? ""]: fieldValue };
    });
    return change;
  });
/** Any paths under any operators: repeated and nested paths too, which MongoDB refuses. */
const anyPaths = fc.record(
  Object.fromEntries(
    Object.entries(operations).map(([name, values]) => [
      name,
      fc.dictionary(path, values as fc.Arbitrary<unknown>, { maxKeys: 2 }),
    ]),
  ),
  { requiredKeys: [] },
);
const modifier = fc.oneof(
  { weight: 4, arbitrary: distinctPaths },
  { weight: 1, arbitrary: anyPaths },
);

/** What mingo's own `update` does with the same document and modifier: the result or the error. */
function reference(start: Doc, change: Doc) {
  const target = structuredClone(start);
  try {
    const changed = mingoUpdate(target, change, undefined, undefined, { cloneMode: "deep" });
    return { doc: target, changed: changed.length > 0 };
  } catch (error) {
    return { error: String(error) };
  }
}

function fast(start: Doc, change: Doc) {
  const target = structuredClone(start);
  try {
    const changed = applyUpdate(target, change, undefined);
    return { doc: target, changed: changed.length > 0 };
  } catch (error) {
    return { error: String(error) };
  }
}

describe("applying updates operator by operator", () => {
  it("gives the document, the change and the error mingo's update gives, on 3,000 random cases", () => {
    fc.assert(
      fc.property(doc, modifier, (start, change) => {
        const expected = reference(start, change);
        const actual = fast(start, change);
        if ("error" in expected) expect("error" in actual).toBe(true);
        else expect(actual).toEqual(expected);
      }),
      { numRuns: 3_000 },
    );
  });

  it("never shares an object with the update it applied", () => {
    const items = [{ sku: "A" }];
    const target: Doc = { _id: "1" };
    applyUpdate(target, { $set: { items } }, undefined);
    items[0] = { sku: "changed" };
    expect(target.items).toEqual([{ sku: "A" }]);
  });
});
