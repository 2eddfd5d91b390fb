/**
 * The embedded store adapter: one SQLite file per database (`<dataDir>/<database>.sqlite`, WAL,
 * `synchronous=FULL`) on Node's built-in `node:sqlite`, with MongoDB semantics from mingo.
 */
import { join } from "node:path";
import { Catalog } from "./catalog.ts";
import { EmbeddedCollection } from "./embedded-collection.ts";
import { Engine } from "./engine.ts";
import type { Collection, Doc, Session, Store, StoreMetrics } from "./port.ts";

const RESERVED = /^(sqlite_|_waybill|system\.)/;

class EmbeddedStore implements Store {
  readonly adapter = "embedded";
  readonly database: string;
  readonly metrics: StoreMetrics = { operations: 0 };
  readonly #engine: Engine;
  readonly #catalog: Catalog;
  readonly #collections = new Map<string, Collection<Doc>>();

  constructor(database: string, engine: Engine) {
    this.database = database;
    this.#engine = engine;
    this.#catalog = new Catalog(engine);
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    let collection = this.#collections.get(name);
    if (!collection) {
      if (name === "" || name.includes("$") || name.includes("\0") || RESERVED.test(name)) {
        throw new Error(`Invalid collection name '${name}'`);
      }
      const target = {
        engine: this.#engine,
        catalog: this.#catalog,
        database: this.database,
        table: name,
      };
      collection = new EmbeddedCollection<Doc>(target, this.metrics);
      this.#collections.set(name, collection);
    }
    // One instance serves every document type: T only narrows what callers see.
    return collection as unknown as Collection<T>;
  }

  withTransaction<R>(fn: (session: Session) => Promise<R>): Promise<R> {
    return this.#engine.transaction(fn);
  }

  async ping(): Promise<void> {
    await this.#engine.read(undefined, () => this.#engine.sql("SELECT 1").get());
  }

  close(): Promise<void> {
    return this.#engine.close();
  }
}

/** Opens (creating if needed) the embedded store for `database` in `dataDir` (which must exist). */
export function openEmbeddedStore(options: { database: string; dataDir: string }): Store {
  if (!/^[A-Za-z0-9_-]+$/.test(options.database)) {
    throw new Error(
      `Invalid database name '${options.database}': use letters, digits, '_' and '-'`,
    );
  }
  const engine = new Engine(join(options.dataDir, `${options.database}.sqlite`), options.database);
  return new EmbeddedStore(options.database, engine);
}
