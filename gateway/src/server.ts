import { readFileSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from "@apollo/gateway";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { randomUUID } from "node:crypto";
import {
  buildSchema,
  getOperationAST,
  printSchema,
  OperationTypeNode,
  parse,
  GraphQLError,
  type GraphQLSchema,
} from "graphql";
import {
  decodePrincipal,
  encodePrincipal,
  INTERNAL_HEADERS,
  verifyRequest,
  type Principal,
} from "@waybill/auth";
import type { Bus } from "@waybill/bus";
import { codedError } from "@waybill/graphql";
import {
  HttpError,
  httpErrors,
  readBody,
  readJsonBody,
  sendFailure,
  sendJson,
  type RequestHandler,
} from "@waybill/http";
import {
  activeTraceparent,
  CORRELATION_HEADER,
  currentContext,
  type Logger,
  type Metrics,
  TRACEPARENT_HEADER,
} from "@waybill/observability";
import type { Redis } from "ioredis";
import {
  announcingRevocations,
  authenticator,
  AuthError,
  jwtAuthenticator,
  revocations,
  type ApiKeyStore,
  type Credentials,
} from "./auth/index.ts";
import type { GatewayConfig } from "./config.ts";
import { maskErrorsInProduction, subgraphHttpError } from "./errors.ts";
import { keepAliveFetcher } from "./fetcher.ts";
import { consoleDocuments } from "./console/documents.ts";
import { CONSOLE_PATH, consoleHandler } from "./console/static.ts";
import {
  applyPersistedDocument,
  combineDocuments,
  corsMiddleware,
  createRateLimiter,
  loadPersistedDocuments,
  queryLimits,
} from "./limits/index.ts";
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyOf,
  idempotentExecution,
  type GraphQLAnswer,
  type IdempotencyRecords,
} from "./idempotency/index.ts";
import { apolloMetricsPlugin, idempotencyMetrics } from "./metrics.ts";
import { GATEWAY_SUBGRAPH, ownDataSource, ownSchema } from "./own-subgraph.ts";
import { exceptionQueueClient, internalClient } from "./admin/exception-queue-client.ts";
import type { RaisedStore } from "./reconciliation/raised.ts";
import { reconciler } from "./reconciliation/reconciler.ts";
import { startSweeps } from "./reconciliation/sweeps.ts";
import { eventFieldResolver, type RunQuery } from "./subscriptions/federated.ts";
import { subscriptionFeeds } from "./subscriptions/feeds.ts";
import type { SubscriptionSetup } from "./subscriptions/prepare.ts";
import { attachWebSocket, sseHandler } from "./subscriptions/transports.ts";
import { supergraphUrl, WEBHOOK_PREFIX, webhookRelay } from "./webhooks.ts";

const SUPERGRAPH = new URL("../../schema/supergraph.graphql", import.meta.url);

/** What every operation carries: the trace, and the principal the gateway authenticated. */
export interface GatewayContext {
  correlationId: string;
  traceparent?: string;
  principal?: Principal;
}

type SubgraphResponse = Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0];

/**
 * Sends the verified principal, the correlation id and the traceparent with every subgraph call;
 * the fetcher signs the call. Nothing the client sent is forwarded.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // Health checks and schema loads carry an untyped context; operations carry ours.
    const { correlationId, traceparent, principal } = context as Partial<GatewayContext>;
    if (!request.http || !correlationId) return;
    request.http.headers.set(CORRELATION_HEADER, correlationId);
    if (principal) request.http.headers.set(INTERNAL_HEADERS.principal, encodePrincipal(principal));
    // When tracing, the subgraph's span is a child of this fetch's span (Apollo's `gateway.fetch`).
    const parent = activeTraceparent() ?? traceparent;
    if (parent) request.http.headers.set(TRACEPARENT_HEADER, parent);
  }

  /** A subgraph that refused the request (invalid variables, say) or failed, as a coded error. */
  override async errorFromResponse(response: SubgraphResponse): Promise<GraphQLError> {
    return subgraphHttpError(response.status, await this.parseBody(response));
  }
}

/** The internal headers a request carried: a Waybill process's signature, or a client's forgery. */
type InternalHeaders = Partial<Record<keyof typeof INTERNAL_HEADERS, string>>;

/**
 * Takes the internal headers off a request, so that nothing downstream trusts a client's copies;
 * only a valid signature over them makes a caller another Waybill process (`meshCaller`).
 */
function takeInternalHeaders(req: IncomingMessage): InternalHeaders {
  const taken: InternalHeaders = {};
  for (const [key, name] of Object.entries(INTERNAL_HEADERS) as [keyof InternalHeaders, string][]) {
    const value = req.headers[name];
    if (typeof value === "string") taken[key] = value;
    delete req.headers[name];
  }
  return taken;
}

/**
 * The federated gateway over the static supergraph in `schema/`: authenticates every request,
 * limits it, and calls the subgraphs with a signed principal. `metrics` counts operations.
 */
/** Each service's reconciliation route (`@waybill/service` serves it). */
const RECONCILIATION_PATH = "/internal/reconciliation";

export async function createGateway(
  config: GatewayConfig,
  logger: Logger,
  options: {
    apiKeys: ApiKeyStore;
    /** Where the reconciliation keeps the exceptions it raised. */
    raised: RaisedStore;
    metrics?: Metrics;
    bus?: Bus | undefined;
    /** Where idempotency keys are claimed; without it, a request with a key is refused (501). */
    idempotency?: IdempotencyRecords;
    /** Shared by every gateway when REDIS_URL is set: rate-limit counters and revocations. */
    redis?: Redis | undefined;
  },
) {
  // The gateway reports usage to Apollo unless told not to; Waybill never phones home.
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  const production = config.WAYBILL_ENV === "production";
  const supergraphSdl = readFileSync(SUPERGRAPH, "utf8");
  const fetcher = keepAliveFetcher(config.signingKey);
  const urlOf = (service: string) =>
    config.subgraphUrls[service] ?? supergraphUrl(supergraphSdl, service) ?? "";
  const reconciliation = reconciler({
    call: internalClient(urlOf, config.signingKey, RECONCILIATION_PATH),
    exceptions: exceptionQueueClient(urlOf, config.signingKey),
    raised: options.raised,
    graceMs: config.RECONCILE_GRACE_SECONDS * 1_000,
    windowMs: config.RECONCILE_WINDOW_DAYS * 86_400_000,
    maxOrders: config.RECONCILE_MAX_ORDERS,
    logger,
    metrics: options.metrics,
  });
  const sweeps = startSweeps(reconciliation, config.RECONCILE_SWEEP_SECONDS * 1_000, logger);
  const revoked = await revocations(options.redis, logger);
  const schema = ownSchema({
    urlOf,
    signingKey: config.signingKey,
    apiKeys: announcingRevocations(options.apiKeys, revoked),
    reconciler: reconciliation,
  });
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      name === GATEWAY_SUBGRAPH
        ? ownDataSource(schema)
        : new SubgraphDataSource({ url: config.subgraphUrls[name] ?? url, fetcher }),
    logger,
  });
  // Subscriptions run over the API schema, so that events' entities can be selected in full: a
  // copy without the resolvers the gateway puts on it for its own execution.
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((loaded) => {
    apiSchema = buildSchema(printSchema(loaded.apiSchema));
  });
  const limits = queryLimits(config);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // Clients may not register documents (automatic persisted queries); trusted documents are ours.
    persistedQueries: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: maskErrorsInProduction(production),
    plugins: [
      ...limits.plugins,
      ...(options.metrics ? [apolloMetricsPlugin<GatewayContext>(options.metrics)] : []),
    ],
  });
  await server.start();
  /** A query through the supergraph as a subscriber: a query plan, the subgraphs over HTTP. */
  const run: RunQuery = async (query, variables, principal) => {
    const response = await server.executeOperation(
      { query, variables },
      { contextValue: { correlationId: `subscription-${randomUUID()}`, principal } },
    );
    if (response.body.kind !== "single") throw new Error("a subscription's read was incremental");
    const { data, errors } = response.body.singleResult;
    // The answer's errors are formatted; the subscriber gets them as errors with their codes.
    const refusals = errors?.map(
      (error) => new GraphQLError(error.message, { extensions: error.extensions ?? {} }),
    );
    return { data, errors: refusals };
  };
  const feeds = options.bus
    ? subscriptionFeeds({ bus: options.bus, run, maxLag: config.SUBSCRIPTION_MAX_LAG, logger })
    : undefined;
  const setup: SubscriptionSetup = {
    get schema() {
      if (!apiSchema) throw new Error("the supergraph is not loaded");
      return apiSchema;
    },
    limits,
    subscribe: (source, args, context, info) => {
      if (!feeds)
        throw codedError(
          "INTERNAL_SERVER_ERROR",
          "subscriptions need the gateway's NATS_URL to be set",
        );
      return feeds.subscribe(source, args, context, info);
    },
    resolve: eventFieldResolver(run),
  };
  const authenticate = authenticator({
    apiKeys: options.apiKeys,
    jwt: config.jwt ? jwtAuthenticator(config.jwt) : undefined,
  });
  const limiter = createRateLimiter({
    requests: config.RATE_LIMIT_REQUESTS,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    redis: options.redis,
  });
  const cors = corsMiddleware(config.CORS_ALLOWED_ORIGINS);
  const persisted = combineDocuments([
    config.PERSISTED_DOCUMENTS_FILE
      ? loadPersistedDocuments(config.PERSISTED_DOCUMENTS_FILE)
      : undefined,
    consoleDocuments(config.CONSOLE_DIR),
  ]);
  const consoleApp = consoleHandler(config.CONSOLE_DIR);
  const webhooks = webhookRelay({
    integrationsUrl: urlOf("integrations"),
    limit: config.MAX_BODY_BYTES,
    signingKey: config.signingKey,
    logger,
  });
  const transport = {
    setup: () => setup,
    authenticate: (credentials: Credentials) => authenticate.credentials(credentials),
    throttle: (principal: Principal) => throttle(`principal:${principal.subject}`),
    recheckMs: config.SUBSCRIPTION_RECHECK_SECONDS * 1_000,
    revocations: revoked,
    trusted: (request: unknown, principal: Principal) =>
      applyPersistedDocument(request, persisted, {
        required: config.PERSISTED_DOCUMENTS_REQUIRED_FOR.includes(principal.role),
      }),
    logger,
  };
  const sse = sseHandler(transport);
  const idempotency = options.idempotency;
  const idempotent = idempotency
    ? idempotentExecution({
        records: idempotency,
        parseOptions: limits.parseOptions,
        logger,
        ...(options.metrics ? { count: idempotencyMetrics(options.metrics) } : {}),
      })
    : undefined;
  // Expired records are also dropped when read; the sweep keeps the store bounded.
  const sweep = idempotency
    ? setInterval(
        () =>
          void idempotency.sweep().catch((err: unknown) => {
            logger.warn({ err }, "idempotency sweep failed");
          }),
        Math.min(config.IDEMPOTENCY_TTL_SECONDS, 600) * 1_000,
      ).unref()
    : undefined;

  /**
   * Another Waybill process (the integrations service) calling the supergraph: a request signed
   * with the internal key, as the gateway signs its own calls. Its principal, or nothing.
   */
  const meshCaller = async (req: IncomingMessage, internal: InternalHeaders) => {
    if (!internal.signature || !internal.principal) return undefined;
    const body = await readBody(req, config.MAX_BODY_BYTES);
    const parts = { method: "POST", path: req.url ?? "/", body, principal: internal.principal };
    const check = verifyRequest(config.signingKey, parts, {
      timestamp: internal.timestamp,
      signature: internal.signature,
    });
    return check.valid ? decodePrincipal(internal.principal) : undefined;
  };
  const graphql = async (req: IncomingMessage, res: ServerResponse, internal: InternalHeaders) => {
    if (req.method !== "POST") throw httpErrors.methodNotAllowed("POST");
    const caller = await meshCaller(req, internal);
    const principal = caller ?? (await authenticated(req));
    // The rate limit is for clients; the hub's own processes are bounded by what they relay.
    if (!caller) await throttle(`principal:${principal.subject}`);
    const body = applyPersistedDocument(await readJsonBody(req, config.MAX_BODY_BYTES), persisted, {
      required: config.PERSISTED_DOCUMENTS_REQUIRED_FOR.includes(principal.role),
    });
    if (isSubscription(body))
      throw new HttpError(
        400,
        "BAD_REQUEST",
        "subscribe over WebSocket at /graphql or Server-Sent Events at /graphql/stream",
      );
    const key = idempotencyKeyOf(req.headers[IDEMPOTENCY_KEY_HEADER], body);
    const execute = () => runGraphQL(server, req, body, principal);
    if (key === undefined) return sendAnswer(res, await execute());
    if (!idempotent)
      throw new HttpError(501, "NOT_IMPLEMENTED", "this gateway keeps no idempotency keys");
    sendAnswer(res, await idempotent(principal, key, body, execute));
  };
  const stream: RequestHandler = async (req, res) => {
    if (req.method !== "POST" && req.method !== "GET")
      throw httpErrors.methodNotAllowed("GET, POST");
    const principal = await authenticated(req);
    await throttle(`principal:${principal.subject}`);
    const body =
      req.method === "POST"
        ? await readJsonBody(req, config.MAX_BODY_BYTES)
        : requestOfSearch(new URL(req.url ?? "/", "http://gateway").searchParams);
    await sse(req, res, principal, body);
  };
  const authenticated = async (req: IncomingMessage): Promise<Principal> => {
    try {
      return await authenticate(req);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      // Failed attempts count against the caller's address, which slows down key guessing.
      await throttle(`address:${req.socket.remoteAddress ?? "unknown"}`);
      throw httpErrors.unauthenticated(error.message, {
        "www-authenticate": 'Bearer realm="waybill"',
      });
    }
  };
  const throttle = async (key: string) => {
    const verdict = await limiter.consume(key);
    if (verdict.allowed) return;
    throw new HttpError(429, "RATE_LIMITED", "too many requests; slow down", {
      "retry-after": String(verdict.retryAfterSeconds),
    });
  };

  const handler: RequestHandler = async (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/healthz") return sendJson(res, 200, { status: "ok" });
    const internal = takeInternalHeaders(req);
    if ((await cors(req, res)) === "preflight-answered") return;
    if (path.startsWith(WEBHOOK_PREFIX)) return webhooks(req, res);
    try {
      if (path === "/graphql") await graphql(req, res, internal);
      else if (path === STREAM_PATH) await stream(req, res);
      else if (path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`))
        await consoleApp(req, res, path);
      else throw httpErrors.notFound("not found; GraphQL is at /graphql");
    } catch (error) {
      sendFailure(res, error, "graphql", (err) => logger.error({ err }, "gateway request failed"));
    }
  };
  let sockets: ReturnType<typeof attachWebSocket> | undefined;
  return {
    handler,
    /** Serves subscriptions over WebSocket on the server that runs `handler`. */
    attach(http: Server) {
      sockets = attachWebSocket(http, "/graphql", transport);
    },
    async stop() {
      await sweeps.stop();
      clearInterval(sweep);
      await sockets?.close();
      await feeds?.close();
      await server.stop();
      await revoked.close();
    },
  };
}

const STREAM_PATH = "/graphql/stream";

/** A subscription sent as GET: `query`, `operationName`, and `variables` and `extensions` as JSON. */
function requestOfSearch(search: URLSearchParams): unknown {
  const json = (name: string) => {
    const value = search.get(name);
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new HttpError(400, "BAD_REQUEST", `${name} must be JSON`);
    }
  };
  return {
    query: search.get("query") ?? undefined,
    operationName: search.get("operationName") ?? undefined,
    variables: json("variables"),
    extensions: json("extensions"),
  };
}

/** Whether a request body names a subscription (checked only when the word appears at all). */
function isSubscription(body: unknown): boolean {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== "string" || !/\bsubscription\b/.test(query)) return false;
  try {
    const operationName = (body as { operationName?: unknown }).operationName;
    const operation = getOperationAST(
      parse(query),
      typeof operationName === "string" ? operationName : undefined,
    );
    return operation?.operation === OperationTypeNode.SUBSCRIPTION;
  } catch {
    return false;
  }
}

/** Runs one GraphQL request through Apollo and collects its answer. */
async function runGraphQL(
  server: ApolloServer<GatewayContext>,
  req: IncomingMessage,
  body: unknown,
  principal: Principal,
): Promise<GraphQLAnswer> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const trace = currentContext();
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: "POST",
      headers,
      search: new URL(req.url ?? "/", "http://gateway").search,
      body,
    },
    context: () =>
      Promise.resolve({
        correlationId: trace?.correlationId ?? "",
        principal,
        ...(trace?.traceparent ? { traceparent: trace.traceparent } : {}),
      }),
  });
  let text = "";
  if (response.body.kind === "complete") text = response.body.string;
  else for await (const chunk of response.body.asyncIterator) text += chunk;
  return {
    status: response.status ?? 200,
    headers: Object.fromEntries(response.headers),
    body: text,
  };
}

function sendAnswer(res: ServerResponse, answer: GraphQLAnswer) {
  for (const [key, value] of Object.entries(answer.headers)) res.setHeader(key, value);
  res.statusCode = answer.status;
  res.end(answer.body);
}
