// One autocannon run against a GraphQL endpoint, with GraphQL errors counted from the bodies.
import autocannon from "autocannon";
import type { Endpoint } from "./graphql.ts";

export interface LoadOptions {
  /** Where to send, with the headers (credential) every request carries. */
  endpoint: Endpoint;
  query: string;
  /** Variables per request; a function gives each request its own (for mutations). */
  variables: Record<string, unknown> | (() => Record<string, unknown>);
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Connection errors, timeouts, non-2xx answers and 2xx answers carrying GraphQL errors. */
  failures: number;
  firstFailure: string | null;
}

/** Loads the endpoint with one operation for a fixed time, `connections` requests in flight. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { variables } = options;
  const fixed =
    typeof variables === "function" ? null : JSON.stringify({ query: options.query, variables });
  let graphqlErrors = 0;
  let firstFailure: string | null = null;
  const result = await autocannon({
    url: options.endpoint.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: "POST",
    headers: { "content-type": "application/json", ...options.endpoint.headers },
    ...(fixed ? { body: fixed } : {}),
    requests: [
      {
        ...(typeof variables === "function"
          ? {
              setupRequest: (request) => ({
                ...request,
                body: JSON.stringify({ query: options.query, variables: variables() }),
              }),
            }
          : {}),
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('"errors"')) return;
          graphqlErrors += 1;
          firstFailure ??= `${status}: ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  const requests = result["2xx"] + result.non2xx;
  return {
    requests,
    rps: requests / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    failures: result.errors + result.timeouts + Math.max(graphqlErrors, result.non2xx),
    firstFailure,
  };
}
