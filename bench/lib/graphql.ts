// A minimal GraphQL-over-HTTP client for seeding and checking; load itself goes through autocannon.

export interface GraphQLReply<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Posts one operation and returns the parsed body (errors included). */
export async function post<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLReply<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLReply<T>;
}

/** Like `post`, but fails on any GraphQL error and returns the data. */
export async function execute<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const reply = await post<T>(url, query, variables, headers);
  if (reply.errors?.length || !reply.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(reply.errors)}`);
  return reply.data;
}
