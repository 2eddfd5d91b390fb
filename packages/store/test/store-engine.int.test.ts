import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Engine } from "../src/engine.ts";
import { openStore } from "../src/index.ts";

const FULL = 2;
const NORMAL = 1;
let dirs: string[] = [];

async function engine(): Promise<Engine> {
  const dir = await mkdtemp(join(tmpdir(), "waybill-engine-"));
  dirs.push(dir);
  const opened = new Engine(join(dir, "db.sqlite"), "test");
  opened.db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  return opened;
}

const synchronous = (db: Engine) => Number(db.db.prepare("PRAGMA synchronous").get()?.synchronous);

afterEach(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  dirs = [];
});

describe("the embedded engine's lazy writes", () => {
  it("commit without a WAL sync and leave every other commit synced, even when they fail", async () => {
    const db = await engine();
    expect(synchronous(db)).toBe(FULL);
    let during = 0;
    await db.write(
      undefined,
      () => {
        during = synchronous(db);
        db.sql("INSERT INTO t (id) VALUES (1)").run();
      },
      { lazy: true },
    );
    expect(during).toBe(NORMAL);
    expect(synchronous(db)).toBe(FULL);
    await expect(
      db.write(
        undefined,
        () => {
          db.sql("INSERT INTO t (id) VALUES (2)").run();
          throw new Error("refused");
        },
        { lazy: true },
      ),
    ).rejects.toThrow("refused");
    expect(synchronous(db)).toBe(FULL);
    expect(db.db.prepare("SELECT count(*) AS n FROM t").get()?.n).toBe(1);
    await db.close();
  });

  it("inside a transaction, are part of it: its commit is synced", async () => {
    const db = await engine();
    await db.transaction(async (session) => {
      await db.write(
        session,
        () => {
          expect(synchronous(db)).toBe(FULL);
          db.sql("INSERT INTO t (id) VALUES (1)").run();
        },
        { lazy: true },
      );
    });
    expect(db.db.prepare("SELECT count(*) AS n FROM t").get()?.n).toBe(1);
    await db.close();
  });
});

describe("two embedded stores on one file", () => {
  it("see each other's array paths: an element match finds what the other wrote", async () => {
    const dir = await mkdtemp(join(tmpdir(), "waybill-engine-"));
    dirs.push(dir);
    const first = await openStore({ dataDir: dir, database: "shared" });
    const second = await openStore({ dataDir: dir, database: "shared" });
    await first.collection("notes").insertOne({ _id: "1", tags: "x" });
    // The second store learns the collection's array paths (none yet) while reading.
    expect(await second.collection("notes").find({ tags: "x" })).toHaveLength(1);
    await first.collection("notes").insertOne({ _id: "2", tags: ["x", "y"] });
    const found = await second.collection("notes").find({ tags: "x" }, { sort: { _id: 1 } });
    expect(found.map((doc) => doc._id)).toEqual(["1", "2"]);
    await first.close();
    await second.close();
  });
});

describe("updates on plain paths", () => {
  it("still leaves a class instance to the codec to refuse, as mingo's update does", async () => {
    const dir = await mkdtemp(join(tmpdir(), "waybill-engine-"));
    dirs.push(dir);
    const store = await openStore({ dataDir: dir, database: "values" });
    const notes = store.collection("notes");
    await notes.insertOne({ _id: "1" });
    class Money {
      readonly cents: number;
      constructor(cents: number) {
        this.cents = cents;
      }
    }
    await expect(notes.updateOne({ _id: "1" }, { $set: { total: new Money(5) } })).rejects.toThrow(
      /class|Money|store/i,
    );
    expect(await notes.findOne({ _id: "1" })).toEqual({ _id: "1" });
    await store.close();
  });
});
