/** Contract: finding documents with MongoDB query semantics. */
import { expect, it } from "vitest";
import { freshStore, type Adapter } from "./harness.ts";

const ids = (docs: Array<{ _id: string }>): string[] => docs.map((doc) => doc._id).sort();

const orders = [
  {
    _id: "o1",
    status: "OPEN",
    total: 10,
    tags: ["urgent"],
    customer: { address: { city: "Oslo" } },
    lines: [
      { sku: "A", qty: 1 },
      { sku: "B", qty: 5 },
    ],
  },
  {
    _id: "o2",
    status: "OPEN",
    total: 25,
    tags: [],
    customer: { address: { city: "Bergen" } },
    lines: [{ sku: "B", qty: 1 }],
  },
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
    expect(ids(await collection.find({ _id: { $in: ["o1", "o3", "nope"] } }))).toEqual([
      "o1",
      "o3",
    ]);
    expect(ids(await collection.find({ status: { $in: ["SHIPPED"] } }))).toEqual(["o3"]);
    expect(ids(await collection.find({ total: { $gt: 10, $lte: 40 } }))).toEqual(["o2", "o3"]);
    expect(
      ids(await collection.find({ lines: { $elemMatch: { sku: "B", qty: { $gte: 5 } } } })),
    ).toEqual(["o1"]);
    expect(ids(await collection.find({ tags: { $exists: false } }))).toEqual(["o3"]);
    expect(ids(await collection.find({ status: { $ne: "OPEN" } }))).toEqual(["o3"]);
    expect(
      ids(await collection.find({ $or: [{ total: 10 }, { "lines.qty": 1, status: "OPEN" }] })),
    ).toEqual(["o1", "o2"]);
    expect(await collection.countDocuments({ status: "OPEN" })).toBe(2);
    expect(await collection.countDocuments({})).toBe(3);
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
    const page = await collection.find(
      { team: { $lt: 3 } },
      { sort: { name: -1 }, skip: 1, limit: 2 },
    );
    expect(page.map((doc) => doc._id)).toEqual(["c", "b"]);
    expect(await collection.findOne({}, { sort: { name: -1 } })).toMatchObject({ _id: "e" });
    expect(await collection.find({}, { limit: 2 })).toHaveLength(2);
  });

  it("pages by one numeric field in MongoDB's order, whatever other types the field holds", async () => {
    const { store } = await freshStore(adapter);
    const collection = store.collection("events");
    await collection.insertMany([
      { _id: "a", kind: "x", seq: 10 },
      { _id: "b", kind: "x", seq: 9.5 },
      { _id: "c", kind: "y", seq: 1 },
      { _id: "d", kind: "x", seq: 100 },
      { _id: "e", kind: "x", seq: -3 },
    ]);
    const page = (docs: Array<{ _id: string }>) => docs.map((doc) => doc._id);
    expect(page(await collection.find({}, { sort: { seq: 1 }, limit: 3 }))).toEqual([
      "e",
      "c",
      "b",
    ]);
    expect(
      page(await collection.find({ kind: "x" }, { sort: { seq: -1 }, skip: 1, limit: 2 })),
    ).toEqual(["a", "b"]);
    expect(
      await collection.findOne({ kind: "x", seq: { $gt: 0 } }, { sort: { seq: 1 } }),
    ).toMatchObject({
      _id: "b",
    });
    // Missing, null and string values sort before numbers, as in MongoDB.
    await collection.insertMany([
      { _id: "f", kind: "x" },
      { _id: "g", kind: "x", seq: "7" },
      { _id: "h", kind: "x", seq: null },
    ]);
    const first = page(await collection.find({ kind: "x" }, { sort: { seq: 1 }, limit: 4 }));
    expect([first.slice(0, 2).sort(), first.slice(2)]).toEqual([
      ["f", "h"],
      ["e", "b"],
    ]);
    expect(page(await collection.find({ kind: "x" }, { sort: { seq: -1 }, limit: 2 }))).toEqual([
      "g",
      "d",
    ]);
  });
}
