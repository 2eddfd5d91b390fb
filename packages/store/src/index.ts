/** The store: the port, and `openStore`, which picks the adapter from the configuration. */
import { mkdir } from "node:fs/promises";
import { openEmbeddedStore } from "./embedded.ts";
import type { Store } from "./port.ts";
export { StoreUnreachableError } from "./unreachable.ts";

export { afterCommit, trackCommits } from "./after-commit.ts";
export { findPage, type PageQuery, pagesOfMany } from "./keyset.ts";
export { loaderByField, loaderOfMany } from "./loaders.ts";
export {
  type BulkWriteOperation,
  type Collection,
  type Doc,
  type Filter,
  isDuplicateKeyError,
  type Session,
  type Store,
} from "./port.ts";

interface OpenStoreOptions {
  /** One database per service. */
  database: string;
  /** Where the embedded store keeps `<database>.sqlite` (created if missing). */
  dataDir: string;
  /**
   * When set, the store is MongoDB at `url` (and `dataDir` is unused), waited for at start-up
   * for `connectTimeoutMs` before `StoreUnreachableError`.
   */
  mongodb?: { url: string; connectTimeoutMs: number };
}

/** Opens the MongoDB store when `mongodb` is set, else the embedded store in `dataDir`. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.mongodb) {
    // Loaded on demand: the embedded default should not pay for the driver.
    const { openMongoStore } = await import("./mongo.ts");
    return openMongoStore({ database: options.database, ...options.mongodb });
  }
  await mkdir(options.dataDir, { recursive: true });
  return openEmbeddedStore({ database: options.database, dataDir: options.dataDir });
}
