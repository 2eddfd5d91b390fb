/** Contract: stored values keep their types (arrays, strings, numbers, booleans, Dates). */
import { expect, it } from "vitest";
import { freshStore, rejectionOf, type Adapter } from "./harness.ts";

const ids = (docs: Array<{ _id: string }>): string[] => docs.map((doc) => doc._id).sort();

export function valueContract(adapter: Adapter): void {
  it("matches a scalar against array elements, indexed or not, and keeps JSON types apart", async () => {
    const { store } = await freshStore(adapter);
    const collection = store.collection("items");
    await collection.createIndex({ keys: { tag: 1 } });
    await collection.insertMany([
      { _id: "scalar", tag: "red", n: 1 },
      { _id: "array", tag: ["blue", "red"], n: [1, 2] },
      { _id: "string", tag: "green", n: "1" },
      { _id: "boolean", tag: "green", n: true },
    ]);
    expect(ids(await collection.find({ tag: "red" }))).toEqual(["array", "scalar"]);
    expect(ids(await collection.find({ tag: { $in: ["blue", "green"] } }))).toEqual([
      "array",
      "boolean",
      "string",
    ]);
    expect(ids(await collection.find({ n: 1 }))).toEqual(["array", "scalar"]);
    expect(ids(await collection.find({ n: "1" }))).toEqual(["string"]);
    expect(ids(await collection.find({ n: true }))).toEqual(["boolean"]);
  });

  it("finds strings with quotes, backslashes and non-ASCII by an indexed equality", async () => {
    const { store } = await freshStore(adapter);
    const collection = store.collection("names");
    await collection.createIndex({ keys: { name: 1 }, unique: true });
    const odd = 'Å "quoted" \\ back\u2028slash \u{1F69A}';
    await collection.insertMany([
      { _id: "odd", name: odd },
      { _id: "plain", name: "plain" },
    ]);
    expect(await collection.findOne({ name: odd })).toEqual({ _id: "odd", name: odd });
  });

  it("round-trips Dates and compares them in queries and sorts", async () => {
    const { store } = await freshStore(adapter);
    const collection = store.collection("events");
    const at = (day: number) => new Date(Date.UTC(2025, 0, day, 12, 30, 15, 250));
    await collection.insertMany([
      { _id: "e1", at: at(1), nested: { when: [at(5)] } },
      { _id: "e2", at: at(3) },
      { _id: "e3", at: at(2) },
    ]);
    const first = await collection.findOne({ _id: "e1" });
    expect(first?.at).toBeInstanceOf(Date);
    expect((first?.at as Date).getTime()).toBe(at(1).getTime());
    expect(first?.nested).toEqual({ when: [at(5)] });
    expect(ids(await collection.find({ at: { $gte: at(2) } }))).toEqual(["e2", "e3"]);
    expect(ids(await collection.find({ at: at(3) }))).toEqual(["e2"]);
    const sorted = await collection.find({}, { sort: { at: 1 } });
    expect(sorted.map((doc) => doc._id)).toEqual(["e1", "e3", "e2"]);
  });

  it("returns copies: changing a result does not change the stored document", async () => {
    const { store } = await freshStore(adapter);
    const collection = store.collection("orders");
    await collection.insertOne({ _id: "x", lines: [{ sku: "A" }] });
    const found = await collection.findOne({ _id: "x" });
    (found?.lines as Array<{ sku: string }>)[0]!.sku = "changed";
    expect(await collection.findOne({ _id: "x" })).toEqual({ _id: "x", lines: [{ sku: "A" }] });
  });

  it.runIf(adapter.name === "embedded")("rejects values JSON would silently change", async () => {
    const { store } = await freshStore(adapter);
    const collection = store.collection("things");
    expect(String(await rejectionOf(collection.insertOne({ _id: "a", n: 10n })))).toMatch(/BigInt/);
    expect(String(await rejectionOf(collection.insertOne({ _id: "b", n: undefined })))).toMatch(
      /undefined/,
    );
    expect(String(await rejectionOf(collection.insertOne({ _id: "c", n: new Map() })))).toMatch(
      /Map/,
    );
    expect(String(await rejectionOf(collection.insertOne({ _id: "d", n: { $date: 1 } })))).toMatch(
      /\$/,
    );
    expect(await collection.countDocuments({})).toBe(0);
  });
}
