// The console's documents as an Apollo persisted query manifest: the gateway serves them to callers
// held to trusted documents (customers), so the portal runs with nothing but these.
import { readFileSync } from "node:fs";
import { parse, getOperationAST } from "graphql";

/** The map the client preset writes: each document's sha256 to its text as the client sends it. */
export const PERSISTED_DOCUMENTS = new URL(
  "../src/generated/persisted-documents.json",
  import.meta.url,
);

/** The manifest's file name, beside the built app. */
export const MANIFEST_FILE = "persisted-query-manifest.json";

type Operation = {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
};

/** The manifest `loadPersistedDocuments` reads, from the client preset's map. */
export function persistedQueryManifest(file: URL = PERSISTED_DOCUMENTS) {
  const documents = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  const operations = Object.entries(documents).map(([key, body]): Operation => {
    const operation = getOperationAST(parse(body));
    if (!operation?.name) throw new Error(`persisted document ${key} has no named operation`);
    // The preset names the algorithm before the hash; the manifest's id is the bare hex.
    return {
      id: key.replace(/^sha256:/, ""),
      name: operation.name.value,
      type: operation.operation,
      body,
    };
  });
  return { format: "apollo-persisted-query-manifest", version: 1, operations } as const;
}
