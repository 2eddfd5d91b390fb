import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type DocumentNode } from "graphql";
import { CORRELATION_HEADER } from "@waybill/observability";

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  headers: Headers;
}

const credentials = new Map<string, string>();

/** Requests to `url` carry this Authorization header unless they bring their own credential. */
export function useCredential(url: string, authorization: string): void {
  credentials.set(url, authorization);
}

function withCredential(url: string, headers: Record<string, string>): Record<string, string> {
  const named = Object.keys(headers).some((name) =>
    ["authorization", "x-api-key"].includes(name.toLowerCase()),
  );
  const fallback = credentials.get(url);
  return named || !fallback ? headers : { ...headers, authorization: fallback };
}

/**
 * Posts one operation over real HTTP and returns status, headers and the parsed body. A typed
 * document (test/documents) types the data and the variables; a string is sent as it is, for
 * malformed or ad-hoc documents and variables the schema refuses. Without an `authorization` or
 * `x-api-key` header, the credential registered for `url` is sent.
 */
export function request<R, V>(
  url: string,
  document: TypedDocumentNode<R, V>,
  variables: NoInfer<V>,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<R>>;
export function request<R = unknown>(
  url: string,
  document: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<R>>;
export function request(
  url: string,
  document: DocumentNode | string,
  variables: unknown = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<unknown>> {
  return post(url, document, variables, headers);
}

/** Like `request`, but fails on any GraphQL error and returns the data. */
export function execute<R, V>(
  url: string,
  document: TypedDocumentNode<R, V>,
  variables: NoInfer<V>,
  correlationId?: string,
): Promise<R>;
export function execute<R = unknown>(
  url: string,
  document: string,
  variables?: Record<string, unknown>,
  correlationId?: string,
): Promise<R>;
export async function execute(
  url: string,
  document: DocumentNode | string,
  variables: unknown = {},
  correlationId?: string,
): Promise<unknown> {
  const response = await post(
    url,
    document,
    variables,
    correlationId ? { [CORRELATION_HEADER]: correlationId } : {},
  );
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

async function post(
  url: string,
  document: DocumentNode | string,
  variables: unknown,
  headers: Record<string, string>,
): Promise<GraphQLResponse<unknown>> {
  const query = typeof document === "string" ? document : print(document);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...withCredential(url, headers) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<unknown>, "status" | "headers">;
  return { ...body, status: response.status, headers: response.headers };
}

/** The credential registered for `url`, as headers for a hand-made request. */
export function credentialHeaders(url: string): Record<string, string> {
  return withCredential(url, {});
}

/** The rows of a page of a list (a connection), in order. */
export const nodes = <T>(connection: { edges: readonly { node: T }[] }): T[] =>
  connection.edges.map((edge) => edge.node);

/** A page of a list as an untyped document reads it: `edges { node { ... } }`. */
export type Paged<T> = { edges: { node: T }[] };
