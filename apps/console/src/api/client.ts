import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "@urql/core";
import { print } from "graphql";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { trustedDocumentsExchange } from "./trusted.ts";

/** The gateway's GraphQL endpoint: the console is served by the gateway, so on the same origin. */
const GRAPHQL_PATH = "/graphql";

/** Whether the subscriptions' socket is open: pages say "live" only when it is. */
export type SocketState = "closed" | "connected";

export type ConsoleClient = {
  client: Client;
  socket: { state(): SocketState; listen(listener: () => void): () => void };
  dispose(): void;
};

/**
 * A client that sends `credential` (an API key or a JWT) as a bearer token on every request and
 * in the WebSocket's connection parameters. Subscriptions run over graphql-ws; a dropped socket
 * ends them with an error so that the page resubscribes from its last cursor (`useLiveEvents`).
 */
export function consoleClient(credential: string): ConsoleClient {
  const authorization = `Bearer ${credential}`;
  const socketUrl = new URL(GRAPHQL_PATH, window.location.href);
  socketUrl.protocol = socketUrl.protocol === "https:" ? "wss:" : "ws:";
  let state: SocketState = "closed";
  const listeners = new Set<() => void>();
  const become = (next: SocketState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const sockets: WsClient = createWsClient({
    url: socketUrl.href,
    connectionParams: { authorization },
    lazy: true,
    retryAttempts: 0,
    on: { connected: () => become("connected"), closed: () => become("closed") },
  });
  const client = new Client({
    url: GRAPHQL_PATH,
    requestPolicy: "cache-and-network",
    // The gateway takes GraphQL as POST only.
    preferGetMethod: false,
    fetchOptions: { headers: { authorization } },
    exchanges: [
      cacheExchange,
      trustedDocumentsExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request, operation) {
          // graphql-ws needs a query; the gateway runs the trusted document the extension names.
          const input = { ...request, query: request.query ?? print(operation.query) };
          return {
            subscribe: (sink) => ({ unsubscribe: sockets.subscribe(input, sink) }),
          };
        },
      }),
    ],
  });
  return {
    client,
    socket: {
      state: () => state,
      listen(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    dispose: () => void sockets.dispose(),
  };
}
