// Clients for the gateway's subscriptions: graphql-ws over WebSocket and graphql-sse over HTTP.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { createClient as createSseClient } from "graphql-sse";
import { createClient as createWsClient } from "graphql-ws";
import WebSocket from "ws";

export type Received = {
  events: Record<string, unknown>[];
  errors: unknown[];
  /** The cursor the transport gave with each result: WebSocket `extensions.cursor`, SSE `id`. */
  cursors: string[];
  /** The WebSocket close code, when the server closed the connection. */
  closeCode?: number;
  /** The subscription ended (completed or failed). */
  ended: boolean;
  stop(): void;
};

type Subscription = { query: string; variables?: Record<string, unknown> };

function collector(): Omit<Received, "stop"> {
  return { events: [], errors: [], cursors: [], ended: false };
}

function sink(received: Omit<Received, "stop">, field: string) {
  return {
    next(result: {
      data?: Record<string, unknown> | null;
      errors?: readonly unknown[];
      extensions?: Record<string, unknown>;
    }) {
      if (result.errors?.length) received.errors.push(...result.errors);
      // An ending result (SUBSCRIBER_TOO_SLOW) repeats the last cursor; only events count.
      const cursor = result.extensions?.cursor;
      if (typeof cursor === "string" && result.data) received.cursors.push(cursor);
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

export type Stream = Received & {
  /** Stops reading the response, as a stalled client would; the server's writes back up. */
  pause(): void;
  resume(): void;
};

/**
 * Subscribes over Server-Sent Events with a plain HTTP request, as a browser's EventSource would
 * reconnect: `Last-Event-ID` resumes after that cursor, and each event's `id` is kept in `cursors`.
 */
export function streamSse(
  gatewayUrl: string,
  authorization: string,
  subscription: Subscription,
  field: string,
  lastEventId?: string,
): Stream {
  const received = collector();
  const into = sink(received, field);
  let response: IncomingMessage | undefined;
  const body = JSON.stringify(subscription);
  const req = httpRequest(`${gatewayUrl}/stream`, {
    method: "POST",
    headers: {
      authorization,
      accept: "text/event-stream",
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      ...(lastEventId === undefined ? {} : { "last-event-id": lastEventId }),
    },
  });
  req.on("response", (res) => {
    response = res;
    if (res.statusCode !== 200) {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => into.error(new Error(`${res.statusCode}: ${text}`)));
      return;
    }
    let buffer = "";
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields: Record<string, string> = {};
        for (const line of message.split("\n")) {
          const colon = line.indexOf(":");
          if (colon <= 0) continue;
          fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, "");
        }
        if (fields.event === "complete") into.complete();
        else if (fields.event === "next" && fields.data) {
          const result = JSON.parse(fields.data) as Parameters<typeof into.next>[0];
          if (fields.id !== undefined && result.data) received.cursors.push(fields.id);
          into.next(result);
        }
      }
    });
    res.on("end", () => {
      received.ended = true;
    });
  });
  req.on("error", (error) => {
    if (!received.ended) into.error(error);
  });
  req.end(body);
  return Object.assign(received, {
    stop() {
      received.ended = true;
      req.destroy();
    },
    pause() {
      response?.pause();
    },
    resume() {
      response?.resume();
    },
  });
}
