import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "@waybill/store";

/** A throwaway embedded store for one test. */
export interface TestStore {
  readonly store: Store;
  readonly dataDir: string;
  /** Closes the store and removes its directory. */
  close(): Promise<void>;
}

/** Opens the embedded store in a fresh temp directory. */
export async function openTestStore(database = "test"): Promise<TestStore> {
  const dataDir = await mkdtemp(join(tmpdir(), "waybill-store-"));
  const store = await openStore({ database, dataDir });
  return {
    store,
    dataDir,
    async close() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
