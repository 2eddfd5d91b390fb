import { mapExchange, makeOperation, type Exchange } from "@urql/core";

/** What the client preset puts on each document: `sha256:` and the hash of its text. */
type HashedDocument = { __meta__?: { hash?: string } };

/**
 * Sends every operation by the id of its trusted document (Apollo's `persistedQuery` extension)
 * instead of its text. The gateway holds the console's documents and customers may send nothing
 * else; staff send the same ids, so every role runs exactly the documents that were built.
 */
export const trustedDocumentsExchange: Exchange = mapExchange({
  onOperation(operation) {
    const hash = (operation.query as HashedDocument).__meta__?.hash?.replace(/^sha256:/, "");
    if (!hash) return operation;
    return makeOperation(operation.kind, {
      ...operation,
      extensions: { ...operation.extensions, persistedQuery: { version: 1, sha256Hash: hash } },
    });
  },
});
