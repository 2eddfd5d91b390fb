import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from "@apollo/gateway";
import { ApolloServer, HeaderMap } from "@apollo/server";
import {
  activeTraceparent,
  CORRELATION_HEADER,
  currentContext,
  TRACEPARENT_HEADER,
  type Logger,
  type Metrics,
  type RequestHandler,
} from "@waybill/runtime";
import { HttpError, readJsonBody } from "./body.ts";
import type { GatewayConfig } from "./config.ts";
import { keepAliveFetcher } from "./fetcher.ts";
import { apolloMetricsPlugin } from "./metrics.ts";
import { operationsDataSource, OPERATIONS_SUBGRAPH } from "./operations/index.ts";
import { supergraphUrl, WEBHOOK_ROUTES, webhookForwarder } from "./webhooks.ts";

const SUPERGRAPH = new URL("../../schema/supergraph.graphql", import.meta.url);

interface GatewayContext {
  correlationId: string;
  traceparent?: string;
}

/** Forwards the request's correlation id and traceparent to every subgraph call. */
class TracingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // Health checks and schema loads carry an untyped context; operations carry ours.
    const { correlationId, traceparent } = context as Partial<GatewayContext>;
    if (!request.http || !correlationId) return;
    request.http.headers.set(CORRELATION_HEADER, correlationId);
    // When tracing, the subgraph's span is a child of this fetch's span (Apollo's `gateway.fetch`).
    const parent = activeTraceparent() ?? traceparent;
    if (parent) request.http.headers.set(TRACEPARENT_HEADER, parent);
  }
}

/** The federated gateway over the static supergraph in `schema/`; `metrics` counts operations. */
export async function createGateway(
  config: GatewayConfig,
  logger: Logger,
  options: { metrics?: Metrics } = {},
) {
  // The gateway reports usage to Apollo unless told not to; Waybill never phones home.
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  const supergraphSdl = readFileSync(SUPERGRAPH, "utf8");
  const fetcher = keepAliveFetcher();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      name === OPERATIONS_SUBGRAPH
        ? operationsDataSource(
            (service) =>
              config.subgraphUrls[service] ?? supergraphUrl(supergraphSdl, service) ?? "",
          )
        : new TracingDataSource({ url: config.subgraphUrls[name] ?? url, fetcher }),
    logger,
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    includeStacktraceInErrorResponses: false,
    plugins: options.metrics ? [apolloMetricsPlugin<GatewayContext>(options.metrics)] : [],
  });
  await server.start();
  const webhooks = webhookHandlers(config, supergraphSdl, logger);
  const handler: RequestHandler = async (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/healthz") return send(res, 200, { status: "ok" });
    const webhook = webhooks.get(path);
    if (webhook) return webhook(req, res);
    if (path !== "/graphql")
      return send(res, 404, {
        errors: [
          { message: "not found; GraphQL is at /graphql", extensions: { code: "NOT_FOUND" } },
        ],
      });
    try {
      await serveGraphQL(server, req, res, config.MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof HttpError) {
        return send(res, error.status, {
          errors: [{ message: error.message, extensions: { code: error.code } }],
        });
      }
      logger.error({ err: error }, "gateway request failed");
      send(res, 500, {
        errors: [
          { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } },
        ],
      });
    }
  };
  return { handler, stop: () => server.stop() };
}

/** One relay per webhook path, to the URL of the subgraph that serves it. */
function webhookHandlers(
  config: GatewayConfig,
  supergraphSdl: string,
  logger: Logger,
): Map<string, RequestHandler> {
  const handlers = new Map<string, RequestHandler>();
  for (const [path, subgraph] of Object.entries(WEBHOOK_ROUTES)) {
    const url = config.subgraphUrls[subgraph] ?? supergraphUrl(supergraphSdl, subgraph);
    if (!url) throw new Error(`the supergraph names no URL for subgraph ${subgraph}`);
    handlers.set(path, webhookForwarder(new URL(path, url), config.MAX_BODY_BYTES, logger));
  }
  return handlers;
}

async function serveGraphQL(
  server: ApolloServer<GatewayContext>,
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
) {
  const body = await readJsonBody(req, limit);
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const trace = currentContext();
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? "GET").toUpperCase(),
      headers,
      search: new URL(req.url ?? "/", "http://gateway").search,
      body,
    },
    context: () =>
      Promise.resolve({
        correlationId: trace?.correlationId ?? "",
        ...(trace?.traceparent ? { traceparent: trace.traceparent } : {}),
      }),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") return void res.end(response.body.string);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
