/** Contract: update operators, upserts, findOneAndUpdate and deletes. */
import { expect, it } from "vitest";
import { freshStore, rejectionOf, type Adapter } from "./harness.ts";

export function updateContract(adapter: Adapter): void {
  it("applies $set, $unset, $inc, $min and $max (numbers and Dates, dotted paths)", async () => {
    const { store } = await freshStore(adapter);
    const items = store.collection("items");
    const early = new Date("2025-01-01T00:00:00Z");
    const late = new Date("2025-06-01T00:00:00Z");
    await items.insertOne({
      _id: "i",
      qty: 5,
      low: 3,
      high: 3,
      seen: early,
      note: "x",
      meta: { a: 1 },
    });
    const result = await items.updateOne(
      { _id: "i" },
      {
        $set: { "meta.b.c": 2, status: "READY" },
        $unset: { note: "" },
        $inc: { qty: -2, "counters.views": 1 },
        $min: { low: 1, high: 10 },
        $max: { seen: late },
      },
    );
    expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
    expect(await items.findOne({ _id: "i" })).toEqual({
      _id: "i",
      qty: 3,
      low: 1,
      high: 3,
      seen: late,
      meta: { a: 1, b: { c: 2 } },
      status: "READY",
      counters: { views: 1 },
    });
    const unchanged = await items.updateOne(
      { _id: "i" },
      { $set: { status: "READY" }, $max: { seen: early } },
    );
    expect(unchanged).toEqual({ matchedCount: 1, modifiedCount: 0, upsertedId: null });
  });

  it("applies $push (with $each), $pull (by value and by condition) and $addToSet (with $each)", async () => {
    const { store } = await freshStore(adapter);
    const lists = store.collection("lists");
    await lists.insertOne({
      _id: "l",
      tags: ["a"],
      lines: [
        { sku: "A", qty: 1 },
        { sku: "B", qty: 0 },
      ],
      nums: [1, 2, 3, 2],
    });
    await lists.updateOne({ _id: "l" }, { $push: { tags: { $each: ["b", "c"] }, log: "created" } });
    await lists.updateOne({ _id: "l" }, { $pull: { nums: 2, lines: { qty: 0 } } });
    await lists.updateOne({ _id: "l" }, { $addToSet: { tags: { $each: ["a", "d"] } } });
    const noop = await lists.updateOne({ _id: "l" }, { $addToSet: { tags: "b" } });
    expect(noop.modifiedCount).toBe(0);
    expect(await lists.findOne({ _id: "l" })).toEqual({
      _id: "l",
      tags: ["a", "b", "c", "d"],
      lines: [{ sku: "A", qty: 1 }],
      nums: [1, 3],
      log: ["created"],
    });
  });

  it("updates every match with updateMany and reports counts", async () => {
    const { store } = await freshStore(adapter);
    const tasks = store.collection("tasks");
    await tasks.insertMany([
      { _id: "1", s: "OPEN" },
      { _id: "2", s: "OPEN" },
      { _id: "3", s: "DONE" },
    ]);
    const result = await tasks.updateMany({ s: "OPEN" }, { $set: { s: "DONE" } });
    expect(result).toEqual({ matchedCount: 2, modifiedCount: 2, upsertedId: null });
    expect(await tasks.countDocuments({ s: "DONE" })).toBe(3);
    expect(await tasks.updateMany({ s: "GONE" }, { $set: { s: "X" } })).toEqual({
      matchedCount: 0,
      modifiedCount: 0,
      upsertedId: null,
    });
  });

  it("rejects $inc on a string, $push on a non-array and a changed _id, leaving the document alone", async () => {
    const { store } = await freshStore(adapter);
    const docs = store.collection("docs");
    const original = { _id: "d", name: "x", list: "not-a-list", n: 1 };
    await docs.insertOne(original);
    expect(
      String(await rejectionOf(docs.updateOne({ _id: "d" }, { $inc: { name: 1, n: 1 } }))),
    ).toMatch(/non-numeric/);
    expect(
      String(await rejectionOf(docs.updateOne({ _id: "d" }, { $push: { list: "y" } }))),
    ).toMatch(/array/);
    expect(String(await rejectionOf(docs.updateOne({ _id: "d" }, { $set: { _id: "e" } })))).toMatch(
      /_id/,
    );
    await rejectionOf(docs.updateMany({}, { $inc: { name: 1 } }));
    expect(await docs.find({})).toEqual([original]);
  });
}
