import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadPersistedDocuments, type PersistedDocuments } from "../limits/index.ts";

/** The manifest the console's build writes beside the app (`apps/console/build/manifest.ts`). */
const CONSOLE_MANIFEST = "persisted-query-manifest.json";

/**
 * The console's documents, once it is built: trusted beside the operator's manifest, so that a
 * customer signed in to the console sends only documents the gateway holds.
 */
export function consoleDocuments(dir: string): PersistedDocuments | undefined {
  const file = join(dir, CONSOLE_MANIFEST);
  return existsSync(file) ? loadPersistedDocuments(file) : undefined;
}
