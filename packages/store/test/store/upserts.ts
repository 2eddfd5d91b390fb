/** Contract: upserts, findOneAndUpdate and deletes. */
import { expect, it } from "vitest";
import { freshStore, type Adapter } from "./harness.ts";

export function upsertDeleteContract(adapter: Adapter): void {
  it("upserts a document seeded from the filter's equality fields, with $setOnInsert only on insert", async () => {
    const { store } = await freshStore(adapter);
    const stock = store.collection("stock");
    const created = new Date("2025-02-03T04:05:06Z");
    const filter = { sku: "A", "owner.id": "u1", qty: { $gte: 0 } };
    const inserted = await stock.updateOne(
      filter,
      { $inc: { qty: 1 }, $setOnInsert: { createdAt: created } },
      { upsert: true },
    );
    expect(inserted).toMatchObject({ matchedCount: 0, modifiedCount: 0 });
    expect(typeof inserted.upsertedId).toBe("string");
    const updated = await stock.updateOne(
      filter,
      { $inc: { qty: 1 }, $setOnInsert: { createdAt: new Date(0) } },
      { upsert: true },
    );
    expect(updated).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
    expect(await stock.find({})).toEqual([
      { _id: inserted.upsertedId, sku: "A", owner: { id: "u1" }, qty: 2, createdAt: created },
    ]);
    const byId = await stock.updateOne({ _id: "given" }, { $set: { sku: "B" } }, { upsert: true });
    expect(byId.upsertedId).toBe("given");
    expect(await stock.findOne({ sku: "B" })).toEqual({ _id: "given", sku: "B" });
  });

  it("findOneAndUpdate returns the document before or after, null without a match", async () => {
    const { store } = await freshStore(adapter);
    const counters = store.collection("counters");
    await counters.insertOne({ _id: "c", n: 1 });
    expect(
      await counters.findOneAndUpdate(
        { _id: "c" },
        { $inc: { n: 1 } },
        { returnDocument: "before" },
      ),
    ).toEqual({ _id: "c", n: 1 });
    expect(await counters.findOneAndUpdate({ _id: "c" }, { $inc: { n: 1 } })).toEqual({
      _id: "c",
      n: 3,
    });
    expect(await counters.findOneAndUpdate({ _id: "none" }, { $inc: { n: 1 } })).toBeNull();
    const upserted = await counters.findOneAndUpdate(
      { _id: "new" },
      { $inc: { n: 5 } },
      { upsert: true },
    );
    expect(upserted).toEqual({ _id: "new", n: 5 });
    expect(
      await counters.findOneAndUpdate(
        { _id: "new2" },
        { $inc: { n: 5 } },
        { upsert: true, returnDocument: "before" },
      ),
    ).toBeNull();
    expect(await counters.countDocuments({})).toBe(3);
  });

  it("deletes one or many and reports how many", async () => {
    const { store } = await freshStore(adapter);
    const notes = store.collection("notes");
    await notes.insertMany([
      { _id: "1", k: "a" },
      { _id: "2", k: "a" },
      { _id: "3", k: "a" },
      { _id: "4", k: "b" },
    ]);
    expect(await notes.deleteOne({ k: "a" })).toBe(1);
    expect(await notes.countDocuments({ k: "a" })).toBe(2);
    expect(await notes.deleteMany({ k: "a" })).toBe(2);
    expect(await notes.deleteMany({ k: "zzz" })).toBe(0);
    expect((await notes.find({})).map((doc) => doc._id)).toEqual(["4"]);
  });

  it("deletes lazily like any delete, and inside a transaction only with it", async () => {
    const { store } = await freshStore(adapter);
    const outbox = store.collection("outbox");
    await outbox.insertMany([{ _id: "1" }, { _id: "2" }, { _id: "3" }]);
    expect(await outbox.deleteMany({ _id: { $in: ["1", "2"] } }, { durability: "lazy" })).toBe(2);
    await expect(
      store.withTransaction(async (session) => {
        await outbox.deleteMany({ _id: "3" }, { session, durability: "lazy" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect((await outbox.find({})).map((doc) => doc._id)).toEqual(["3"]);
    // The writes after it are as durable as ever: they still commit and read back.
    await outbox.insertOne({ _id: "4" });
    expect(await outbox.countDocuments({})).toBe(2);
  });
}
