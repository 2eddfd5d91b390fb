import type { IncomingMessage } from "node:http";
import { GraphQLError, NoSchemaIntrospectionCustomRule, type GraphQLSchema } from "graphql";
import { createYoga, type Plugin, type YogaInitialContext } from "graphql-yoga";
import { gatewayOnly, type Principal, requestPrincipal } from "@waybill/auth";
import { errorCode } from "@waybill/graphql";
import { bufferedBody, sendFailure, sendJson, type RequestHandler } from "@waybill/http";
import type { Logger, Metrics } from "@waybill/observability";
import { yogaMetricsPlugin } from "./metrics/yoga.ts";

export interface SubgraphHandlerOptions<C> {
  schema: GraphQLSchema;
  logger: Logger;
  /** The resolvers' context; `principal` is the caller the gateway signed for, if any. */
  context: (initial: YogaInitialContext, principal: Principal | undefined) => C | Promise<C>;
  /** The key the gateway signs its calls with; nothing but the probes and `publicRoutes` is served without. */
  signingKey: Buffer;
  /** Names of the dependencies that are not ready; empty when ready. */
  readiness: () => Promise<string[]>;
  /** Plain HTTP routes served beside GraphQL (webhooks), keyed by exact path. */
  routes?: Readonly<Record<string, RequestHandler>>;
  /** Routes served without a gateway signature (metrics for the scraper); they expose no business data. */
  publicRoutes?: Readonly<Record<string, RequestHandler>>;
  /** Where GraphQL operations are counted and timed (`waybill_graphql_*`). */
  metrics?: Metrics;
}

type ServerContext = { principal?: Principal };

/**
 * The HTTP handler of a subgraph: GraphQL on `/graphql`, liveness on `/healthz`, readiness on `/readyz`,
 * and the service's own `routes`. GraphQL and the routes answer only requests the gateway signed.
 * Errors without a code are logged and masked as INTERNAL_SERVER_ERROR.
 */
export function createSubgraphHandler<C extends object>(
  options: SubgraphHandlerOptions<C>,
): RequestHandler {
  const { logger } = options;
  const yoga = createYoga<ServerContext, C>({
    schema: options.schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: false,
    logging: false,
    context: (initial) => options.context(initial, initial.principal),
    // The gateway plans from the static supergraph; nobody needs to introspect a subgraph.
    plugins: [
      disableIntrospection(),
      ...(options.metrics ? [yogaMetricsPlugin(options.metrics)] : []),
    ],
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
  const signed = gatewayOnly(options.signingKey, async (req, res) => {
    const route = options.routes?.[pathOf(req.url)];
    if (!route) {
      const principal = requestPrincipal(req);
      (req as IncomingMessage & { body?: unknown }).body = yogaBody(req);
      return yoga(req, res, principal ? { principal } : {});
    }
    try {
      await route(req, res);
    } catch (error) {
      sendFailure(res, error, "plain", (err) =>
        logger.error({ err, path: req.url }, "route failed"),
      );
    }
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
    const open = options.publicRoutes?.[pathOf(req.url)];
    if (open) return open(req, res);
    return signed(req, res);
  };
}

function disableIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * The already-read body as graphql-yoga (@whatwg-node/server) takes it from `req.body`: parsed
 * when it is a JSON object or array, which yoga then uses as is. Handed a Buffer, it calls
 * `Object.keys` on it (a string per byte: ~10 ms for a wave of 100 shipments) and parses it again.
 * Anything else stays bytes, for yoga to refuse with its own error.
 */
function yogaBody(req: IncomingMessage): unknown {
  const body = bufferedBody(req);
  if (!body || !/json/i.test(req.headers["content-type"] ?? "")) return body;
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    return typeof parsed === "object" && parsed !== null && Object.keys(parsed).length > 0
      ? parsed
      : body;
  } catch {
    return body;
  }
}

function pathOf(url: string | undefined): string {
  return (url ?? "/").split("?")[0] ?? "/";
}
