import { readFileSync } from "node:fs";
import { sendJson, type RequestHandler } from "@waybill/http";
import type { GatewayConfig } from "./config.ts";
import { serviceNames } from "./admin/exception-queue-client.ts";
import { supergraphUrl } from "./webhooks.ts";

const SUPERGRAPH = new URL("../../schema/supergraph.graphql", import.meta.url);
const PROBE_TIMEOUT_MS = 2_000;

/** Asks one subgraph's `/readyz`; returns what is not ready there (`billing:nats`), or nothing. */
async function probe(name: string, graphqlUrl: string): Promise<string[]> {
  try {
    const response = await fetch(new URL("/readyz", graphqlUrl), {
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    if (response.ok) return [];
    const body = (await response.json().catch(() => ({}))) as { notReady?: unknown };
    const reasons = Array.isArray(body.notReady) ? body.notReady.map(String) : [];
    return reasons.length ? reasons.map((reason) => `${name}:${reason}`) : [`${name}:not ready`];
  } catch {
    return [`${name}:unreachable`];
  }
}

/**
 * The gateway's readiness: every subgraph answers ready on its own `/readyz` (its store, NATS and
 * consumers). Answers 200 `{status:"ready"}` or 503 with what is not ready, like the subgraphs.
 */
export function readinessRoute(config: GatewayConfig): RequestHandler {
  const supergraphSdl = readFileSync(SUPERGRAPH, "utf8");
  const targets = serviceNames.map((name) => ({
    name,
    url: config.subgraphUrls[name] ?? supergraphUrl(supergraphSdl, name) ?? "",
  }));
  return async (_req, res) => {
    const notReady = (await Promise.all(targets.map(({ name, url }) => probe(name, url)))).flat();
    sendJson(
      res,
      notReady.length ? 503 : 200,
      notReady.length ? { status: "not ready", notReady } : { status: "ready" },
    );
  };
}

/** Serves `routes` by exact path and everything else with `handler`. */
export function withRoutes(
  routes: Readonly<Record<string, RequestHandler>>,
  handler: RequestHandler,
): RequestHandler {
  return (req, res) => {
    const route = routes[(req.url ?? "/").split("?")[0] ?? "/"];
    return route ? route(req, res) : handler(req, res);
  };
}
