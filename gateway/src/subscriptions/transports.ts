import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Principal } from "@waybill/auth";
import type { Logger } from "@waybill/observability";
import { credentialsOf, type Credentials } from "../auth/authenticate.ts";
import type { Revocations } from "../auth/revocations.ts";
import { principalKey, type SubscriptionContext } from "./feeds.ts";
import {
  prepareSubscription,
  type SubscriptionRequest,
  type SubscriptionSetup,
} from "./prepare.ts";
import { serveEventStream } from "./event-stream.ts";

export type SubscriptionTransportOptions = {
  /** The API schema and resolvers; set once the gateway has loaded the supergraph. */
  setup: () => SubscriptionSetup;
  /** Verifies a caller's credentials; throws when they are missing or wrong. */
  authenticate(credentials: Credentials): Promise<Principal>;
  /** Counts a request against the principal's rate limit; throws when it is over. */
  throttle(principal: Principal): Promise<void>;
  /** How often an open subscription's credentials are checked again (expired, revoked). */
  recheckMs: number;
  /** Revocations, here or at another gateway: the credentials are checked again at once. */
  revocations?: Pick<Revocations, "onRevoked">;
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
export function resolveRequest(
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

/** A subscription's context: its caller, and the cursor it resumes from when the transport says. */
export const contextFor = (principal: Principal, resumeAfter?: string): SubscriptionContext => ({
  principal,
  principalKey: principalKey(principal),
  resumeAfter,
});

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * Checks the credentials again every `recheckMs` while a connection is open, and at once when a
 * revocation is announced, and calls `revoke` once they fail (a token that expired, a key that
 * was revoked). Returns the stop function.
 */
export function keepChecking(
  options: SubscriptionTransportOptions,
  credentials: Credentials,
  revoke: () => void,
): () => void {
  let stopped = false;
  const check = () => {
    options.authenticate(credentials).catch(() => {
      if (stopped) return;
      stop();
      revoke();
    });
  };
  const timer = setInterval(check, options.recheckMs);
  timer.unref();
  const unsubscribe = options.revocations?.onRevoked(check);
  const stop = () => {
    stopped = true;
    clearInterval(timer);
    unsubscribe?.();
  };
  return stop;
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
        const request = resolveRequest(options, payload, principal);
        if (isErrors(request)) return request;
        return prepareSubscription(options.setup(), request, contextFor(principal));
      },
      // Each result names the cursor to resume after, whatever the subscriber selected.
      onNext(_ctx, _id, _payload, args, result) {
        const { cursor } = args.contextValue as SubscriptionContext;
        if (cursor === undefined) return;
        return { ...result, extensions: { ...result.extensions, cursor } };
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
 * GraphQL over Server-Sent Events at `/graphql/stream` (graphql-sse's distinct connections
 * protocol): each event is sent with its cursor as the SSE `id`, and a reconnecting client's
 * `Last-Event-ID` resumes right after it. The caller was authenticated before this handler runs.
 */
export function sseHandler(options: SubscriptionTransportOptions) {
  return async (req: IncomingMessage, res: ServerResponse, principal: Principal, body: unknown) => {
    const request = resolveRequest(options, body, principal);
    const lastEventId = req.headers["last-event-id"];
    const context = contextFor(
      principal,
      typeof lastEventId === "string" ? lastEventId : undefined,
    );
    const prepared = isErrors(request)
      ? request
      : prepareSubscription(options.setup(), request, context);
    if (isErrors(prepared)) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: prepared }));
      return;
    }
    // Ending the response ends the stream, which stops the subscription's read.
    const stop = keepChecking(options, credentialsOf(req), () => res.end());
    res.once("close", stop);
    try {
      await serveEventStream(prepared, res, options.logger);
    } finally {
      stop();
    }
  };
}
