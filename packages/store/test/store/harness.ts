/** Fresh, isolated stores for the store contract suite: a temp dir and a new database per test. */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MongoClient } from "mongodb";
import { expect, onTestFinished } from "vitest";
import { isDuplicateKeyError, openStore, type Store } from "../../src/index.ts";
import { DuplicateKeyError } from "../../src/port.ts";

export interface Adapter {
  name: "embedded" | "mongodb";
  mongodbUrl?: string;
}

/** Every adapter; MongoDB only runs when `MONGODB_URL` is set. */
export const ADAPTERS: Adapter[] = [
  { name: "embedded" },
  { name: "mongodb", ...(process.env.MONGODB_URL ? { mongodbUrl: process.env.MONGODB_URL } : {}) },
];

export function isAvailable(adapter: Adapter): boolean {
  return adapter.name === "embedded" || adapter.mongodbUrl !== undefined;
}

export interface Fixture {
  store: Store;
  dataDir: string;
  database: string;
  /** Closes the store and opens the same database again. */
  reopen(): Promise<Store>;
}

/** Opens a store on a fresh database (and temp dir); everything is removed when the test ends. */
export async function freshStore(adapter: Adapter): Promise<Fixture> {
  const dataDir = await mkdtemp(join(tmpdir(), "waybill-store-"));
  const database = `t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const options = {
    database,
    dataDir,
    ...(adapter.mongodbUrl
      ? { mongodb: { url: adapter.mongodbUrl, connectTimeoutMs: 10_000 } }
      : {}),
  };
  let opened: Store | undefined;
  onTestFinished(async () => {
    try {
      await opened?.close();
      if (adapter.mongodbUrl) await dropDatabase(adapter.mongodbUrl, database);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
  opened = await openStore(options);
  const fixture: Fixture = {
    store: opened,
    dataDir,
    database,
    async reopen() {
      await fixture.store.close();
      opened = undefined;
      fixture.store = opened = await openStore(options);
      return fixture.store;
    },
  };
  return fixture;
}

async function dropDatabase(url: string, database: string): Promise<void> {
  const client = new MongoClient(url);
  try {
    await client.db(database).dropDatabase();
  } finally {
    await client.close();
  }
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the operation to be rejected"),
    (error: unknown) => error,
  );
}

/** Asserts `promise` rejects with the duplicate-key error of `index`. */
export async function expectDuplicateKey(promise: Promise<unknown>, index: string): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(DuplicateKeyError);
  expect(isDuplicateKeyError(error)).toBe(true);
  expect(error).toMatchObject({ code: 11000, index });
}
