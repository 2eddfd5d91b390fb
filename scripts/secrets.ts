// The secrets a local hub needs, made once per data directory (never shipped defaults).
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { openStore } from "@waybill/store";
import { apiKeyStore } from "../gateway/src/auth/api-keys.ts";

export interface LocalSecrets {
  /** The file holding the key the gateway signs subgraph calls with (INTERNAL_SIGNING_KEY_FILE). */
  signingKeyFile: string;
  /** An admin API key, created in the gateway's store the first time. */
  adminApiKey: string;
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Under `dataDir/secrets` (mode 0700): a random internal signing key and an admin API key, made on
 * the first start and reused afterwards. The key is created where the gateway keeps its API keys:
 * MongoDB when `mongodbUrl` is given, else the embedded store in `storeDir` (its DATA_DIR).
 */
export async function ensureLocalSecrets(
  dataDir: string,
  storeDir: string,
  mongodbUrl?: string,
): Promise<LocalSecrets> {
  const folder = join(dataDir, "secrets");
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const signingKeyFile = join(folder, "internal-signing-key");
  if (!(await readIfPresent(signingKeyFile)))
    await writeFile(signingKeyFile, randomBytes(48).toString("base64url"), { mode: 0o600 });
  const adminKeyFile = join(folder, "admin-api-key");
  let adminApiKey = await readIfPresent(adminKeyFile);
  if (!adminApiKey) {
    const store = await openStore({
      database: "gateway",
      dataDir: storeDir,
      ...(mongodbUrl ? { mongodb: { url: mongodbUrl, connectTimeoutMs: 10_000 } } : {}),
    });
    try {
      const created = await apiKeyStore(store).create({
        name: "local admin",
        role: "admin",
        createdBy: "npm start",
      });
      adminApiKey = created.secret;
    } finally {
      await store.close();
    }
    await writeFile(adminKeyFile, adminApiKey, { mode: 0o600 });
  }
  return { signingKeyFile, adminApiKey };
}
