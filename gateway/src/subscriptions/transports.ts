import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { createHandler } from "graphql-sse/lib/use/http";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Principal } from "@waybill/auth";
import type { Logger } from "@waybill/observability";
import { credentialsOf, type Credentials } from "../auth/authenticate.ts";
import type { QueryLimits } from "../limits/index.ts";
import {
  prepareSubscription,
  type SubscriptionContext,
  type SubscriptionRequest,
} from "./prepare.ts";

export type SubscriptionTransportOptions = {
  schema: GraphQLSchema;
  limits: QueryLimits;
  /** Verifies a caller's credentials; throws when they are missing or wrong. */
  authenticate(credentials: Credentials): Promise<Principal>;
  /** Counts a request against the principal's rate limit; throws when it is over. */
  throttle(principal: Principal): Promise<void>;
  /** How often an open subscription's credentials are checked again (expired, revoked). */
  recheckMs: number;
  /**
   * Resolves a trusted document the request names, and refuses a free document from a caller held
   * to trusted documents; throws an error with a string `code` (an HttpError) when it refuses.
   */
  trusted(request: unknown, principal: Principal): unknown;
  logger: Logger;
};

const isErrors = <T extends object>(
  value: T | readonly GraphQLError[],
): value is readonly GraphQLError[] => Array.isArray(value);

/** The request with its trusted document resolved, or the refusal as a coded GraphQL error. */
function resolve(
  options: SubscriptionTransportOptions,
  payload: unknown,
  principal: Principal,
): SubscriptionRequest | readonly GraphQLError[] {
  try {
    const request = options.trusted(payload, principal) as Partial<SubscriptionRequest>;
    if (typeof request.query !== "string")
      return [
        new GraphQLError("a subscription needs a query", { extensions: { code: "BAD_REQUEST" } }),
      ];
    return request as SubscriptionRequest;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string") throw error;
    return [new GraphQLError((error as Error).message, { extensions: { code } })];
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * Checks the credentials again every `recheckMs` while a connection is open, and calls `revoke`
 * once they fail (a token that expired, a key that was revoked). Returns the stop function.
 */
function keepChecking(
  options: SubscriptionTransportOptions,
  credentials: Credentials,
  revoke: () => void,
): () => void {
  const timer = setInterval(() => {
    options.authenticate(credentials).catch(() => {
      clearInterval(timer);
      revoke();
    });
  }, options.recheckMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * GraphQL over WebSocket (graphql-transport-ws) on `path`: the client authenticates in its
 * connection parameters (`authorization` or `apiKey`, since browsers cannot set headers on a
 * WebSocket) or the upgrade request's headers; a connection that fails is closed with 4403.
 */
export function attachWebSocket(
  server: Server,
  path: string,
  options: SubscriptionTransportOptions,
) {
  const sockets = new WebSocketServer({ server, path });
  const principals = new WeakMap<object, Principal>();
  const disposable = useServer(
    {
      async onConnect(ctx) {
        const params = ctx.connectionParams ?? {};
        const headers = ctx.extra.request.headers;
        const credentials = {
          authorization: text(params.authorization) ?? headers.authorization,
          apiKey: text(params.apiKey) ?? text(headers["x-api-key"]),
        };
        try {
          const principal = await options.authenticate(credentials);
          await options.throttle(principal);
          principals.set(ctx.extra, principal);
          const { socket } = ctx.extra;
          const stop = keepChecking(options, credentials, () =>
            socket.close(4401, "Unauthorized: the credentials are no longer valid"),
          );
          socket.once("close", stop);
          return true;
        } catch (error) {
          options.logger.info({ err: error }, "subscription connection refused");
          return false;
        }
      },
      onSubscribe(ctx, _id, payload) {
        const principal = principals.get(ctx.extra);
        if (!principal) return [];
        const request = resolve(options, payload, principal);
        if (isErrors(request)) return request;
        return prepareSubscription(options.schema, options.limits, request, principal);
      },
    },
    sockets,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}

/**
 * GraphQL over Server-Sent Events (graphql-sse, distinct connections mode): POST a subscription
 * with `Accept: text/event-stream`; the caller was authenticated before this handler runs.
 */
export function sseHandler(options: SubscriptionTransportOptions) {
  const principals = new WeakMap<IncomingMessage, Principal>();
  const handle = createHandler<SubscriptionContext>({
    schema: options.schema,
    onSubscribe(req, params) {
      const principal = principals.get(req.raw);
      if (!principal) return [null, { status: 401, statusText: "Unauthorized" }] as const;
      const request = resolve(options, params, principal);
      const prepared = isErrors(request)
        ? request
        : prepareSubscription(options.schema, options.limits, request, principal);
      if (!isErrors(prepared)) return prepared;
      return [
        JSON.stringify({ errors: prepared }),
        { status: 400, statusText: "Bad Request", headers: { "content-type": "application/json" } },
      ] as const;
    },
  });
  return async (req: IncomingMessage, res: ServerResponse, principal: Principal) => {
    principals.set(req, principal);
    const credentials = credentialsOf(req);
    // Ending the response ends the stream, which stops the subscription's consumer.
    const stop = keepChecking(options, credentials, () => res.end());
    res.once("close", stop);
    try {
      await handle(req, res);
    } finally {
      stop();
    }
  };
}
