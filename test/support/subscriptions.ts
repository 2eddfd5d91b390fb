// Clients for the gateway's subscriptions: graphql-ws over WebSocket and graphql-sse over HTTP.
import { createClient as createSseClient } from "graphql-sse";
import { createClient as createWsClient } from "graphql-ws";
import WebSocket from "ws";

export type Received = {
  events: Record<string, unknown>[];
  errors: unknown[];
  /** The WebSocket close code, when the server closed the connection. */
  closeCode?: number;
  /** The subscription ended (completed or failed). */
  ended: boolean;
  stop(): void;
};

type Subscription = { query: string; variables?: Record<string, unknown> };

function collector(): Omit<Received, "stop"> {
  return { events: [], errors: [], ended: false };
}

function sink(received: Omit<Received, "stop">, field: string) {
  return {
    next(result: { data?: Record<string, unknown> | null; errors?: readonly unknown[] }) {
      if (result.errors?.length) received.errors.push(...result.errors);
      const event = result.data?.[field];
      if (event) received.events.push(event as Record<string, unknown>);
    },
    error(error: unknown) {
      received.errors.push(error);
      received.ended = true;
    },
    complete() {
      received.ended = true;
    },
  };
}

/** Subscribes over WebSocket with `authorization` in the connection parameters. */
export function subscribeWs(
  gatewayUrl: string,
  authorization: string | undefined,
  subscription: Subscription,
  field: string,
): Received {
  const received = collector();
  const client = createWsClient({
    url: gatewayUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: authorization ? { authorization } : {},
    on: {
      closed: (event) => {
        received.closeCode = (event as { code?: number }).code;
      },
    },
  });
  const unsubscribe = client.subscribe(subscription, sink(received, field));
  return Object.assign(received, {
    stop() {
      unsubscribe();
      void client.dispose();
    },
  });
}

/** Subscribes over Server-Sent Events at `/graphql/stream` with the Authorization header. */
export function subscribeSse(
  gatewayUrl: string,
  authorization: string,
  subscription: Subscription,
  field: string,
): Received {
  const received = collector();
  const client = createSseClient({
    url: `${gatewayUrl}/stream`,
    headers: { authorization },
    retryAttempts: 0,
  });
  const unsubscribe = client.subscribe(subscription, sink(received, field));
  return Object.assign(received, {
    stop() {
      unsubscribe();
      client.dispose();
    },
  });
}
