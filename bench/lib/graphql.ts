// A minimal GraphQL-over-HTTP client for seeding and checking; load itself goes through autocannon.

/** A GraphQL URL and the headers every request to it carries (its credential, if it needs one). */
export interface Endpoint {
  url: string;
  headers: Record<string, string>;
}

export interface GraphQLReply<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Posts one operation and returns the parsed body (errors included). */
export async function post<T>(
  endpoint: Endpoint,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLReply<T>> {
  const response = await fetch(endpoint.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...endpoint.headers, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLReply<T>;
}

/** Like `post`, but fails on any GraphQL error and returns the data. */
export async function execute<T>(
  endpoint: Endpoint,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const reply = await post<T>(endpoint, query, variables, headers);
  if (reply.errors?.length || !reply.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(reply.errors)}`);
  return reply.data;
}
