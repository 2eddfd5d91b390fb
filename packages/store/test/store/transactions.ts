/** Contract: atomic, isolated transactions with explicit sessions. */
import { expect, it } from "vitest";
import type { Session } from "../../src/index.ts";
import { freshStore, rejectionOf, type Adapter } from "./harness.ts";

export function transactionContract(adapter: Adapter): void {
  it("commits writes to several collections and returns fn's result", async () => {
    const { store } = await freshStore(adapter);
    const orders = store.collection("orders");
    const outbox = store.collection("outbox");
    await orders.insertOne({ _id: "seed" });
    const result = await store.withTransaction(async (session) => {
      await orders.insertOne({ _id: "o1", total: 5 }, { session });
      await outbox.insertOne({ _id: "e1", type: "order.created" }, { session });
      await orders.updateOne({ _id: "seed" }, { $set: { touched: true } }, { session });
      return (await orders.findOne({ _id: "o1" }, { session }))?.total;
    });
    expect(result).toBe(5);
    expect(await orders.countDocuments({})).toBe(2);
    expect(await orders.findOne({ _id: "seed" })).toEqual({ _id: "seed", touched: true });
    expect(await outbox.findOne({ _id: "e1" })).toEqual({ _id: "e1", type: "order.created" });
  });

  it("rolls everything back, across collections, when fn throws", async () => {
    const { store } = await freshStore(adapter);
    const orders = store.collection("orders");
    const outbox = store.collection("outbox");
    await orders.insertOne({ _id: "seed", n: 1 });
    const failure = new Error("business rule failed");
    const error = await rejectionOf(
      store.withTransaction(async (session) => {
        await orders.insertOne({ _id: "o1" }, { session });
        await orders.updateOne({ _id: "seed" }, { $inc: { n: 1 } }, { session });
        await outbox.insertMany([{ _id: "e1" }, { _id: "e2" }], { session });
        await orders.deleteOne({ _id: "seed" }, { session });
        throw failure;
      }),
    );
    expect(error).toBe(failure);
    expect(await orders.find({})).toEqual([{ _id: "seed", n: 1 }]);
    expect(await outbox.countDocuments({})).toBe(0);
  });

  it("runs concurrent transactions without interleaving them (20 read-increment-writes end at 20)", async () => {
    const { store } = await freshStore(adapter);
    const counters = store.collection("counters");
    await counters.insertOne({ _id: "c", n: 0 });
    const increment = () =>
      store.withTransaction(async (session) => {
        const current = await counters.findOne({ _id: "c" }, { session });
        await new Promise<void>((resolve) => setImmediate(resolve)); // give others a chance to interleave
        await counters.updateOne(
          { _id: "c" },
          { $set: { n: Number(current?.n) + 1 } },
          { session },
        );
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(await counters.findOne({ _id: "c" })).toEqual({ _id: "c", n: 20 });
  });

  it("rejects a finished session, another store's session, and a missing session inside fn", async () => {
    const { store } = await freshStore(adapter);
    const { store: other } = await freshStore(adapter);
    const docs = store.collection("docs");
    let finished: Session | undefined;
    await store.withTransaction((session) => {
      finished = session;
      return Promise.resolve();
    });
    expect(
      String(await rejectionOf(docs.insertOne({ _id: "a" }, { session: finished as Session }))),
    ).toMatch(/not an open transaction/);
    await other.withTransaction(async (session) => {
      expect(String(await rejectionOf(docs.findOne({}, { session })))).toMatch(
        /not an open transaction/,
      );
    });
    const inside = await rejectionOf(
      store.withTransaction(async () => docs.insertOne({ _id: "b" })),
    );
    expect(String(inside)).toMatch(/pass the transaction's session/);
    expect(await docs.countDocuments({})).toBe(0);
  });

  it("counts one operation per collection call", async () => {
    const { store } = await freshStore(adapter);
    const docs = store.collection("docs");
    const before = store.metrics.operations;
    await docs.insertOne({ _id: "a" });
    await docs.findOne({ _id: "a" });
    await store.withTransaction(async (session) => {
      await docs.updateOne({ _id: "a" }, { $set: { x: 1 } }, { session });
    });
    expect(store.metrics.operations - before).toBe(3);
  });
}
