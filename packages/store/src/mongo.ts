/** The MongoDB adapter: the official driver, one client per store, transactions via sessions. */
import { MongoClient, type ClientSession, type Db } from "mongodb";
import { MongoStoreCollection } from "./mongo-collection.ts";
import type { MongoContext } from "./mongo-support.ts";
import type { Collection, Doc, Session, Store, StoreMetrics } from "./port.ts";
import { TransactionScope } from "./transaction-scope.ts";
import { StoreUnreachableError } from "./unreachable.ts";

class MongoStore implements Store {
  readonly adapter = "mongodb";
  readonly database: string;
  readonly metrics: StoreMetrics = { operations: 0 };
  readonly #client: MongoClient;
  readonly #db: Db;
  readonly #scope: TransactionScope<ClientSession>;
  readonly #context: MongoContext;

  constructor(client: MongoClient, database: string) {
    this.database = database;
    this.#client = client;
    this.#db = client.db(database);
    this.#scope = new TransactionScope(database);
    this.#context = {
      metrics: this.metrics,
      resolve: (session) => this.#scope.resolve(session),
      transact: (fn) =>
        this.#client.withSession((session) => session.withTransaction(() => fn(session))),
    };
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    return new MongoStoreCollection<T>(this.#db.collection<Doc>(name), this.#context);
  }

  async withTransaction<R>(fn: (session: Session) => Promise<R>): Promise<R> {
    this.#scope.assertOutside("withTransaction");
    // The driver retries `fn` on transient errors; every attempt gets a fresh session handle.
    return this.#client.withSession((driverSession) =>
      driverSession.withTransaction(() => this.#scope.run(driverSession, fn)),
    );
  }

  async ping(): Promise<void> {
    await this.#db.command({ ping: 1 });
  }

  close(): Promise<void> {
    return this.#client.close();
  }
}

/**
 * Connects to MongoDB at `url` and opens `database`; rejects with `StoreUnreachableError` when no
 * server answers within `connectTimeoutMs`.
 */
export async function openMongoStore(options: {
  database: string;
  url: string;
  connectTimeoutMs: number;
}): Promise<Store> {
  const client = new MongoClient(options.url, {
    serverSelectionTimeoutMS: options.connectTimeoutMs,
    connectTimeoutMS: options.connectTimeoutMs,
  });
  try {
    await client.connect();
    await client.db(options.database).command({ ping: 1 });
  } catch (error) {
    await client.close();
    throw new StoreUnreachableError(options.url, options.connectTimeoutMs, error);
  }
  return new MongoStore(client, options.database);
}
