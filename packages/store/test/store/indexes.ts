/** Contract: unique indexes fail like MongoDB's duplicate-key error (code 11000). */
import { expect, it } from "vitest";
import { expectDuplicateKey, freshStore, type Adapter } from "./harness.ts";

export function indexContract(adapter: Adapter): void {
  it("rejects a duplicate _id and a duplicate unique key on insert", async () => {
    const { store } = await freshStore(adapter);
    const users = store.collection("users");
    await users.createIndex({ keys: { email: 1 }, unique: true });
    await users.insertOne({ _id: "u1", email: "a@example.com" });
    await expectDuplicateKey(users.insertOne({ _id: "u1", email: "other@example.com" }), "_id_");
    await expectDuplicateKey(users.insertOne({ _id: "u2", email: "a@example.com" }), "email_1");
    expect(await users.countDocuments({})).toBe(1);
  });

  it("rejects an update and an upsert that would collide, leaving data unchanged", async () => {
    const { store } = await freshStore(adapter);
    const users = store.collection("users");
    await users.createIndex({ keys: { email: 1 }, unique: true, name: "by_email" });
    await users.insertMany([
      { _id: "u1", email: "a@x" },
      { _id: "u2", email: "b@x" },
    ]);
    await expectDuplicateKey(
      users.updateOne({ _id: "u2" }, { $set: { email: "a@x" } }),
      "by_email",
    );
    await expectDuplicateKey(
      users.findOneAndUpdate({ _id: "u2" }, { $set: { email: "a@x" } }),
      "by_email",
    );
    await expectDuplicateKey(
      users.updateOne({ _id: "u3" }, { $set: { email: "b@x" } }, { upsert: true }),
      "by_email",
    );
    expect(await users.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: "u1", email: "a@x" },
      { _id: "u2", email: "b@x" },
    ]);
  });

  it("enforces a compound unique index on the combination only", async () => {
    const { store } = await freshStore(adapter);
    const codes = store.collection("codes");
    await codes.createIndex({ keys: { tenant: 1, "ref.code": 1 }, unique: true });
    await codes.insertOne({ _id: "1", tenant: "t1", ref: { code: "A" } });
    await codes.insertOne({ _id: "2", tenant: "t2", ref: { code: "A" } });
    await codes.insertOne({ _id: "3", tenant: "t1", ref: { code: "B" } });
    await expectDuplicateKey(
      codes.insertOne({ _id: "4", tenant: "t1", ref: { code: "A" } }),
      "tenant_1_ref.code_1",
    );
    expect(await codes.countDocuments({})).toBe(3);
  });

  it("creates indexes idempotently; a non-unique index allows duplicates", async () => {
    const { store } = await freshStore(adapter);
    const events = store.collection("events");
    await events.createIndex({ keys: { subject: 1, at: -1 } });
    await events.createIndex({ keys: { subject: 1, at: -1 } });
    await events.insertMany([
      { _id: "1", subject: "s", at: 1 },
      { _id: "2", subject: "s", at: 1 },
    ]);
    expect(await events.countDocuments({ subject: "s" })).toBe(2);
  });

  it("insertMany without a session is all or nothing", async () => {
    const { store } = await freshStore(adapter);
    const users = store.collection("users");
    await users.createIndex({ keys: { email: 1 }, unique: true });
    const batch = [
      { _id: "a", email: "1" },
      { _id: "b", email: "2" },
      { _id: "c", email: "1" },
    ];
    await expectDuplicateKey(users.insertMany(batch), "email_1");
    expect(await users.countDocuments({})).toBe(0);
  });
}
