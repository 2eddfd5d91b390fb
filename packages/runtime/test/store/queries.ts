/** Contract: finding documents with MongoDB query semantics. */
import { expect, it } from "vitest";
import { freshStore, rejectionOf, type Adapter } from "./harness.ts";

const ids = (docs: Array<{ _id: string }>): string[] => docs.map((doc) => doc._id).sort();

const orders = [
  { _id: "o1", status: "OPEN", total: 10, tags: ["urgent"], customer: { address: { city: "Oslo" } }, lines: [{ sku: "A", qty: 1 }, { sku: "B", qty: 5 }] },
  { _id: "o2", status: "OPEN", total: 25, tags: [], customer: { address: { city: "Bergen" } }, lines: [{ sku: "B", qty: 1 }] },
  { _id: "o3", status: "SHIPPED", total: 40, customer: { address: { city: "Oslo" } }, lines: [] },
];

export function queryContract(adapter: Adapter): void {
  it("finds by dotted paths, through nested objects and arrays of objects", async () => {
    const { store } = await freshStore(adapter);
    const collection = store.collection("orders");
    await collection.insertMany(orders);
    expect(ids(await collection.find({ "customer.address.city": "Oslo" }))).toEqual(["o1", "o3"]);
    expect(ids(await collection.find({ "lines.sku": "B" }))).toEqual(["o1", "o2"]);
    expect(await collection.findOne({ _id: "o2" })).toEqual(orders[1]);
    expect(await collection.findOne({ status: "CANCELLED" })).toBeNull();
  });

  it("supports $in, $gt, $elemMatch, $exists, $ne and $or", async () => {
    const { store } = await freshStore(adapter);
    const collection = store.collection("orders");
    await collection.insertMany(orders);
    expect(ids(await collection.find({ _id: { $in: ["o1", "o3", "nope"] } }))).toEqual(["o1", "o3"]);
    expect(ids(await collection.find({ status: { $in: ["SHIPPED"] } }))).toEqual(["o3"]);
    expect(ids(await collection.find({ total: { $gt: 10, $lte: 40 } }))).toEqual(["o2", "o3"]);
    expect(ids(await collection.find({ lines: { $elemMatch: { sku: "B", qty: { $gte: 5 } } } }))).toEqual(["o1"]);
    expect(ids(await collection.find({ tags: { $exists: false } }))).toEqual(["o3"]);
    expect(ids(await collection.find({ status: { $ne: "OPEN" } }))).toEqual(["o3"]);
    expect(ids(await collection.find({ $or: [{ total: 10 }, { "lines.qty": 1, status: "OPEN" }] }))).toEqual(["o1", "o2"]);
    expect(await collection.countDocuments({ status: "OPEN" })).toBe(2);
    expect(await collection.countDocuments({})).toBe(3);
  });

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
    expect(ids(await collection.find({ tag: { $in: ["blue", "green"] } }))).toEqual(["array", "boolean", "string"]);
    expect(ids(await collection.find({ n: 1 }))).toEqual(["array", "scalar"]);
    expect(ids(await collection.find({ n: "1" }))).toEqual(["string"]);
    expect(ids(await collection.find({ n: true }))).toEqual(["boolean"]);
  });

  it("finds strings with quotes, backslashes and non-ASCII by an indexed equality", async () => {
    const { store } = await freshStore(adapter);
    const collection = store.collection("names");
    await collection.createIndex({ keys: { name: 1 }, unique: true });
    const odd = 'Å "quoted" \\ back\u2028slash \u{1F69A}';
    await collection.insertMany([{ _id: "odd", name: odd }, { _id: "plain", name: "plain" }]);
    expect(await collection.findOne({ name: odd })).toEqual({ _id: "odd", name: odd });
  });

  it("sorts (by several keys), skips and limits", async () => {
    const { store } = await freshStore(adapter);
    const collection = store.collection("people");
    await collection.insertMany([
      { _id: "a", team: 2, name: "Ann" },
      { _id: "b", team: 1, name: "Bob" },
      { _id: "c", team: 2, name: "Cid" },
      { _id: "d", team: 1, name: "Dee" },
      { _id: "e", team: 3, name: "Eve" },
    ]);
    const sorted = await collection.find({}, { sort: { team: -1, name: 1 } });
    expect(sorted.map((doc) => doc._id)).toEqual(["e", "a", "c", "b", "d"]);
    const page = await collection.find({ team: { $lt: 3 } }, { sort: { name: -1 }, skip: 1, limit: 2 });
    expect(page.map((doc) => doc._id)).toEqual(["c", "b"]);
    expect(await collection.findOne({}, { sort: { name: -1 } })).toMatchObject({ _id: "e" });
    expect(await collection.find({}, { limit: 2 })).toHaveLength(2);
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
    expect(String(await rejectionOf(collection.insertOne({ _id: "b", n: undefined })))).toMatch(/undefined/);
    expect(String(await rejectionOf(collection.insertOne({ _id: "c", n: new Map() })))).toMatch(/Map/);
    expect(String(await rejectionOf(collection.insertOne({ _id: "d", n: { $date: 1 } })))).toMatch(/\$/);
    expect(await collection.countDocuments({})).toBe(0);
  });
}
