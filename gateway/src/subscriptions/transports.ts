import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { GraphQLError, GraphQLSchema } from "graphql";
import { createHandler } from "graphql-sse/lib/use/http";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Logger, Principal } from "@waybill/runtime";
import type { Credentials } from "../auth/authenticate.ts";
import type { QueryLimits } from "../limits/index.ts";
import { prepareSubscription, type SubscriptionArgs, type SubscriptionContext } from "./prepare.ts";

export type SubscriptionTransportOptions = {
  schema: GraphQLSchema;
  limits: QueryLimits;
  /** Verifies a caller's credentials; throws when they are missing or wrong. */
  authenticate(credentials: Credentials): Promise<Principal>;
  /** Counts a request against the principal's rate limit; throws when it is over. */
  throttle(principal: Principal): Promise<void>;
  /** How often an open subscription's credentials are checked again (expired, revoked). */
  recheckMs: number;
  logger: Logger;
};

const isErrors = (
  value: SubscriptionArgs | readonly GraphQLError[],
): value is readonly GraphQLError[] => Array.isArray(value);

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
        return prepareSubscription(options.schema, options.limits, payload, principal);
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
      const prepared = prepareSubscription(options.schema, options.limits, params, principal);
      if (!isErrors(prepared)) return prepared;
      return [
        JSON.stringify({ errors: prepared }),
        { status: 400, statusText: "Bad Request", headers: { "content-type": "application/json" } },
      ] as const;
    },
  });
  return async (req: IncomingMessage, res: ServerResponse, principal: Principal) => {
    principals.set(req, principal);
    const apiKey = req.headers["x-api-key"];
    const credentials = {
      authorization: req.headers.authorization,
      apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey,
    };
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
