/** Contract: bulkWrite, ordered and all or nothing, in one call. */
import { expect, it } from "vitest";
import { expectDuplicateKey, freshStore, rejectionOf, type Adapter } from "./harness.ts";

export function bulkWriteContract(adapter: Adapter): void {
  it("applies inserts, updates and upserts in order, in one call, and sums what they did", async () => {
    const { store } = await freshStore(adapter);
    const stock = store.collection("stock");
    await stock.insertOne({ _id: "A", qty: 1, version: 1 });
    const before = store.metrics.operations;
    const result = await stock.bulkWrite([
      { insertOne: { document: { _id: "B", qty: 2, version: 1 } } },
      { updateOne: { filter: { _id: "B", version: 1 }, update: { $inc: { qty: 3 } } } },
      { updateOne: { filter: { _id: "A", version: 1 }, update: { $set: { version: 2 } } } },
      { updateOne: { filter: { _id: "A", version: 1 }, update: { $set: { version: 3 } } } },
      { updateOne: { filter: { _id: "B" }, update: { $set: { qty: 5 } } } },
      { updateOne: { filter: { _id: "C" }, update: { $set: { qty: 7 } }, upsert: true } },
    ]);
    expect(store.metrics.operations - before).toBe(1);
    expect(result).toEqual({
      insertedCount: 1,
      matchedCount: 3,
      modifiedCount: 2,
      upsertedCount: 1,
    });
    expect(await stock.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: "A", qty: 1, version: 2 },
      { _id: "B", qty: 5, version: 1 },
      { _id: "C", qty: 7 },
    ]);
    expect(await stock.bulkWrite([])).toEqual({
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      upsertedCount: 0,
    });
  });

  it("applies nothing and throws the duplicate-key error when an operation collides", async () => {
    const { store } = await freshStore(adapter);
    const stock = store.collection("stock");
    await stock.insertOne({ _id: "A", qty: 1 });
    await expectDuplicateKey(
      stock.bulkWrite([
        { insertOne: { document: { _id: "B", qty: 2 } } },
        { updateOne: { filter: { _id: "A" }, update: { $inc: { qty: 1 } } } },
        { insertOne: { document: { _id: "A", qty: 9 } } },
        { insertOne: { document: { _id: "D", qty: 4 } } },
      ]),
      "_id_",
    );
    expect(await stock.find({})).toEqual([{ _id: "A", qty: 1 }]);
  });

  it("belongs to the session's transaction: committed with it, rolled back when it fails", async () => {
    const { store } = await freshStore(adapter);
    const stock = store.collection("stock");
    const movements = store.collection("movements");
    await stock.createIndex({ keys: { sku: 1 }, unique: true });
    await stock.insertOne({ _id: "A", sku: "a", qty: 1 });
    await store.withTransaction(async (session) => {
      await stock.bulkWrite(
        [
          { updateOne: { filter: { _id: "A" }, update: { $inc: { qty: 1 } } } },
          { insertOne: { document: { _id: "B", sku: "b", qty: 1 } } },
        ],
        { session },
      );
      expect(await stock.countDocuments({}, { session })).toBe(2);
    });
    const error = await rejectionOf(
      store.withTransaction(async (session) => {
        await movements.insertOne({ _id: "m1" }, { session });
        await stock.bulkWrite(
          [
            { updateOne: { filter: { _id: "A" }, update: { $inc: { qty: 1 } } } },
            { insertOne: { document: { _id: "C", sku: "b", qty: 1 } } },
          ],
          { session },
        );
      }),
    );
    expect(error).toMatchObject({ code: 11000, index: "sku_1" });
    expect(await stock.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: "A", sku: "a", qty: 2 },
      { _id: "B", sku: "b", qty: 1 },
    ]);
    expect(await movements.countDocuments({})).toBe(0);
  });
}
