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
 * Posts one operation over real HTTP and returns status, headers and the parsed body. Without an
 * `authorization` or `x-api-key` header, the credential registered for `url` is sent.
 */
export async function request<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...withCredential(url, headers) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status" | "headers">;
  return { ...body, status: response.status, headers: response.headers };
}

/** Like `request`, but fails on any GraphQL error and returns the data. */
export async function execute<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  correlationId?: string,
): Promise<T> {
  const response = await request<T>(
    url,
    query,
    variables,
    correlationId ? { [CORRELATION_HEADER]: correlationId } : {},
  );
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** The credential registered for `url`, as headers for a hand-made request. */
export function credentialHeaders(url: string): Record<string, string> {
  return withCredential(url, {});
}
