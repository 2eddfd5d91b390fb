import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { ConfigError } from "@waybill/config";
import { z } from "zod";

/** Trusted documents by id (the sha256 hex of the document text). */
export type PersistedDocuments = { get(id: string): string | undefined; size: number };

const manifestSchema = z.object({
  format: z.literal("apollo-persisted-query-manifest"),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, "must be a sha256 in lowercase hex"),
      name: z.string(),
      type: z.enum(["query", "mutation", "subscription"]),
      body: z.string().min(1),
    }),
  ),
});

/** The id of a document: the sha256 of its text, in hex. */
export const documentHash = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Reads an Apollo persisted query manifest at start-up; a missing or malformed file, or an id
 * that is not the sha256 of its body, fails with a `ConfigError` naming the file.
 */
export function loadPersistedDocuments(file: string): PersistedDocuments {
  const fail = (problem: string) => new ConfigError(`persisted documents ${file}: ${problem}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw fail(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  const documents = new Map<string, string>();
  for (const [index, operation] of parsed.data.operations.entries()) {
    if (documentHash(operation.body) !== operation.id) {
      throw fail(`operations.${index} (${operation.name}): id is not the sha256 of its body`);
    }
    documents.set(operation.id, operation.body);
  }
  return { get: (id) => documents.get(id), size: documents.size };
}

/** The documents of several manifests as one set; none when none is given. */
export function combineDocuments(
  sets: readonly (PersistedDocuments | undefined)[],
): PersistedDocuments | undefined {
  const given = sets.filter((set) => set !== undefined);
  if (given.length === 0) return undefined;
  return {
    get: (id) => given.reduce<string | undefined>((found, set) => found ?? set.get(id), undefined),
    size: given.reduce((total, set) => total + set.size, 0),
  };
}
