import { z } from "zod";
import { HttpError } from "@waybill/http";
import { documentHash, type PersistedDocuments } from "./manifest.ts";

export { combineDocuments, loadPersistedDocuments, type PersistedDocuments } from "./manifest.ts";

/** How a request names a trusted document: the GraphQL-over-HTTP `documentId` or Apollo's extension. */
const referenceSchema = z.object({
  documentId: z.string().nullish(),
  extensions: z
    .object({
      persistedQuery: z.object({ version: z.literal(1), sha256Hash: z.string() }).nullish(),
    })
    .nullish(),
});

/**
 * Resolves a request body that names a trusted document into one that carries its text, and,
 * when `required`, refuses any other document. Throws `HttpError` 400 with PERSISTED_QUERY_NOT_FOUND,
 * PERSISTED_QUERY_REQUIRED, PERSISTED_QUERY_NOT_SUPPORTED or BAD_REQUEST. Batches are checked
 * entry by entry; a body that is not an object (a GET's) is refused when `required`, else
 * returned as it is.
 */
export function applyPersistedDocument(
  body: unknown,
  documents: PersistedDocuments | undefined,
  options: { required: boolean },
): unknown {
  if (Array.isArray(body)) return body.map((entry) => applyOne(entry, documents, options));
  return applyOne(body, documents, options);
}

function applyOne(
  body: unknown,
  documents: PersistedDocuments | undefined,
  options: { required: boolean },
): unknown {
  if (isRecord(body)) {
    const id = documentId(body);
    if (id !== undefined) return withDocument(body, id, documents);
  }
  if (options.required && !isTrusted(body, documents)) {
    throw new HttpError(
      400,
      "PERSISTED_QUERY_REQUIRED",
      "this client may only send persisted documents",
    );
  }
  return body;
}

/** Whether the body's free query is a trusted document's text; a GET's body (none) is not. */
function isTrusted(body: unknown, documents: PersistedDocuments | undefined): boolean {
  return (
    isRecord(body) &&
    typeof body.query === "string" &&
    documents?.get(documentHash(body.query)) !== undefined
  );
}

/** The id of the document the body names, if it names one. */
function documentId(body: Record<string, unknown>): string | undefined {
  const reference = referenceSchema.safeParse(body);
  if (!reference.success) {
    throw new HttpError(
      400,
      "BAD_REQUEST",
      "documentId must be a string and extensions.persistedQuery { version: 1, sha256Hash }",
    );
  }
  const { documentId, extensions } = reference.data;
  return documentId?.replace(/^sha256:/, "") ?? extensions?.persistedQuery?.sha256Hash;
}

/** The body with the document's text as `query`, and without the reference Apollo would act on. */
function withDocument(
  body: Record<string, unknown>,
  id: string,
  documents: PersistedDocuments | undefined,
): Record<string, unknown> {
  if (!documents) {
    throw new HttpError(
      400,
      "PERSISTED_QUERY_NOT_SUPPORTED",
      "this gateway serves no persisted documents; send the query",
    );
  }
  const text = documents.get(id);
  if (text === undefined) {
    throw new HttpError(400, "PERSISTED_QUERY_NOT_FOUND", "no persisted document has this id");
  }
  const resolved: Record<string, unknown> = { ...body, query: text };
  delete resolved.documentId;
  if (isRecord(body.extensions)) {
    const extensions: Record<string, unknown> = { ...body.extensions };
    delete extensions.persistedQuery;
    if (Object.keys(extensions).length > 0) resolved.extensions = extensions;
    else delete resolved.extensions;
  }
  return resolved;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
