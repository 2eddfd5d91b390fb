// A minimal GraphQL-over-HTTP client for seeding and checking; load itself goes through autocannon.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type DocumentNode } from "graphql";

/** A GraphQL URL and the headers every request to it carries (its credential, if it needs one). */
export interface Endpoint {
  url: string;
  headers: Record<string, string>;
}

export interface GraphQLReply<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Posts one operation and returns the parsed body (errors included). A typed document (from
 * test/documents) types the data and the variables; a string is for one-off diagnostics.
 */
export function post<R, V>(
  endpoint: Endpoint,
  document: TypedDocumentNode<R, V>,
  variables: NoInfer<V>,
  headers?: Record<string, string>,
): Promise<GraphQLReply<R>>;
export function post(
  endpoint: Endpoint,
  document: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<GraphQLReply<unknown>>;
export async function post(
  endpoint: Endpoint,
  document: DocumentNode | string,
  variables: unknown = {},
  headers: Record<string, string> = {},
): Promise<GraphQLReply<unknown>> {
  const query = typeof document === "string" ? document : print(document);
  const response = await fetch(endpoint.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...endpoint.headers, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLReply<unknown>;
}

/** Like `post`, but fails on any GraphQL error and returns the data. */
export async function execute<R, V>(
  endpoint: Endpoint,
  document: TypedDocumentNode<R, V>,
  variables: NoInfer<V>,
  headers: Record<string, string> = {},
): Promise<R> {
  const reply = await post(endpoint, document, variables, headers);
  if (reply.errors?.length || !reply.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(reply.errors)}`);
  return reply.data;
}
