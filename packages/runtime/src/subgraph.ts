import { readdirSync, readFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import { createYoga, type YogaInitialContext } from "graphql-yoga";
import { errorCode } from "./errors.ts";
import type { RequestHandler } from "./http.ts";
import type { Logger } from "./logger.ts";
import type { Metrics } from "./metrics/registry.ts";
import { yogaMetricsPlugin } from "./metrics/yoga.ts";

/** Reads every `.graphql` file of a schema folder, in name order, as one document. */
export function loadTypeDefs(folder: URL): DocumentNode {
  const files = readdirSync(folder)
    .filter((file) => file.endsWith(".graphql"))
    .sort();
  return parse(files.map((file) => readFileSync(new URL(file, folder), "utf8")).join("\n"));
}

/** The federated schema of one subgraph; `resolvers` is the service's generated `Resolvers` map. */
export function buildSchema(typeDefs: DocumentNode, resolvers: object): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap }]);
}

export interface SubgraphHandlerOptions<C> {
  schema: GraphQLSchema;
  logger: Logger;
  context: (initial: YogaInitialContext) => C | Promise<C>;
  /** Names of the dependencies that are not ready; empty when ready. */
  readiness: () => Promise<string[]>;
  /** Plain HTTP routes served beside GraphQL (webhooks), keyed by exact path. */
  routes?: Readonly<Record<string, RequestHandler>>;
  /** Where GraphQL operations are counted and timed (`waybill_graphql_*`). */
  metrics?: Metrics;
}

/**
 * The HTTP handler of a subgraph: GraphQL on `/graphql`, liveness on `/healthz`, readiness on `/readyz`,
 * and the service's own `routes`. Errors without a code are logged and masked as INTERNAL_SERVER_ERROR.
 */
export function createSubgraphHandler<C extends object>(
  options: SubgraphHandlerOptions<C>,
): RequestHandler {
  const { logger } = options;
  const yoga = createYoga<object, C>({
    schema: options.schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: false,
    logging: false,
    context: options.context,
    plugins: options.metrics ? [yogaMetricsPlugin(options.metrics)] : [],
    maskedErrors: {
      maskError(error) {
        if (errorCode(error)) return error as Error;
        logger.error({ err: error }, "unexpected error in resolver");
        return new GraphQLError("Internal server error", {
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        });
      },
    },
  });
  return async (req, res) => {
    if (req.url === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (req.url === "/readyz") {
      const notReady = await options.readiness();
      return sendJson(
        res,
        notReady.length ? 503 : 200,
        notReady.length ? { status: "not ready", notReady } : { status: "ready" },
      );
    }
    const route = options.routes?.[(req.url ?? "/").split("?")[0] ?? "/"];
    if (!route) return yoga(req, res);
    try {
      await route(req, res);
    } catch (error) {
      logger.error({ err: error, path: req.url }, "route failed");
      if (!res.headersSent)
        sendJson(res, 500, { error: "internal error", code: "INTERNAL_SERVER_ERROR" });
      else res.end();
    }
  };
}

function sendJson(res: Parameters<RequestHandler>[1], status: number, body: object): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** An entity owned by another subgraph, known here only by its key. */
export type Reference = { id: string };
