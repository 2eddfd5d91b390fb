// Calls straight to a subgraph, signed as the gateway signs them (or not), for the mesh tests.
import { readFileSync } from "node:fs";
import { encodePrincipal, type Principal, signRequest } from "@waybill/auth";
import type { GraphQLResponse } from "./graphql.ts";

/** The signing key of a test system (`system.signingKeyFile`). */
export const signingKey = (file: string) => Buffer.from(readFileSync(file, "utf8").trim(), "utf8");

export type Signing = {
  key: Buffer;
  principal?: Principal | undefined;
  /** Stamp the request at this time (ms since the epoch) instead of now. */
  at?: number;
};

/** Posts a GraphQL operation to a subgraph URL; `signing` undefined sends it unsigned. */
export async function subgraphRequest<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  signing: Signing | undefined,
  extraHeaders: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  return subgraphPost<T>(url, JSON.stringify({ query, variables }), signing, extraHeaders);
}

/** Posts `body` as it is, JSON or not, to a subgraph URL; `signing` undefined sends it unsigned. */
export async function subgraphPost<T>(
  url: string,
  body: string,
  signing: Signing | undefined,
  extraHeaders: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const target = new URL(url);
  const headers = signing
    ? signRequest(
        signing.key,
        {
          method: "POST",
          path: target.pathname,
          body,
          principal: signing.principal ? encodePrincipal(signing.principal) : "",
        },
        signing.at,
      )
    : {};
  const response = await fetch(target, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers, ...extraHeaders },
    body,
  });
  const parsed = (await response.json()) as Omit<GraphQLResponse<T>, "status" | "headers">;
  return { ...parsed, status: response.status, headers: response.headers };
}
