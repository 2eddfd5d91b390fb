/** The store: the port, and `openStore`, which picks the adapter from the configuration. */
import { mkdir } from "node:fs/promises";
import { openEmbeddedStore } from "./embedded.ts";
import type { Store } from "./port.ts";

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
  /** When set, the store is MongoDB at this URL and `dataDir` is unused. */
  mongodbUrl?: string;
}

/** Opens the MongoDB store when `mongodbUrl` is set, else the embedded store in `dataDir`. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.mongodbUrl) {
    // Loaded on demand: the embedded default should not pay for the driver.
    const { openMongoStore } = await import("./mongo.ts");
    return openMongoStore({ database: options.database, url: options.mongodbUrl });
  }
  await mkdir(options.dataDir, { recursive: true });
  return openEmbeddedStore({ database: options.database, dataDir: options.dataDir });
}
