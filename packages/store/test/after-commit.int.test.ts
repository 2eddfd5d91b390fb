import { describe, expect, it, onTestFinished, vi } from "vitest";
import { afterCommit, trackCommits } from "../src/after-commit.ts";
import { openTestStore } from "@waybill/devtools";

async function trackedStore() {
  const testStore = await openTestStore();
  onTestFinished(() => testStore.close());
  return trackCommits(testStore.store);
}

describe("after-commit callbacks", () => {
  it("run once the transaction has committed, in registration order", async () => {
    const store = await trackedStore();
    const seen: string[] = [];
    await store.withTransaction(async (session) => {
      afterCommit(session, () => seen.push("first"));
      await store.collection("things").insertOne({ _id: "a" }, { session });
      afterCommit(session, () => seen.push("second"));
      expect(seen).toEqual([]); // not before the commit
    });
    expect(seen).toEqual(["first", "second"]);
  });

  it("never run for a transaction that rolls back", async () => {
    const store = await trackedStore();
    const seen: string[] = [];
    await expect(
      store.withTransaction(async (session) => {
        afterCommit(session, () => seen.push("rolled back"));
        await store.collection("things").insertOne({ _id: "a" }, { session });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(seen).toEqual([]);
    expect(await store.collection("things").countDocuments({})).toBe(0);
  });

  it("do not turn a committed transaction into a failure when they throw", async () => {
    const store = await trackedStore();
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    onTestFinished(() => warn.mockRestore());
    const result = await store.withTransaction((session) => {
      afterCommit(session, () => {
        throw new Error("observer broke");
      });
      return Promise.resolve("committed");
    });
    expect(result).toBe("committed");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("observer broke"));
  });

  it("wraps a store once", async () => {
    const store = await trackedStore();
    expect(trackCommits(store)).toBe(store);
  });
});
