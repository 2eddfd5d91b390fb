// Run as a child process by bench/subscriptions.ts: graphql-ws subscribers to the gateway, many
// subscriptions multiplexed on each WebSocket, kept off the driver's (and the gateway's) event
// loop. Commands come as JSON lines on stdin, answers go as JSON lines on stdout.
import { createInterface } from "node:readline";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/** Opens `connections.length` WebSockets, each with its credential, and `perConnection` subscriptions on each. */
export type Open = {
  op: "open";
  url: string;
  connections: string[];
  perConnection: number;
  query: string;
};
export type Command = Open | { op: "status" } | { op: "reset" } | { op: "close" };

/** What the subscribers received since the last reset. */
export type Tally = {
  subscriptions: number;
  deliveries: number;
  /** Distinct cursors received. */
  distinct: number;
  /** The fewest events any one subscription received. */
  fewest: number;
  /** Deliveries whose entity fields came back empty (a null shipment, no order lines). */
  incomplete: number;
  errors: string[];
  ended: number;
  /** Receipt minus the event's occurredAt, in ms, sorted; only with `latencies`. */
  latencies?: number[];
  lastReceivedAt: number;
};

type Event = {
  cursor?: string;
  occurredAt?: string;
  shipment?: { order?: { lines?: unknown[] } | null } | null;
};

const clients: Client[] = [];
let counts: number[] = [];
let deliveries = 0;
let incomplete = 0;
let ended = 0;
let lastReceivedAt = 0;
let errors: string[] = [];
let latencies: number[] = [];
const cursors = new Set<string>();

function open(command: Open) {
  for (const authorization of command.connections) {
    const client = createClient({
      url: command.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { authorization },
    });
    clients.push(client);
    for (let index = 0; index < command.perConnection; index += 1) {
      const slot = counts.push(0) - 1;
      const federated = command.query.includes("lines");
      client.subscribe<{ shipmentMilestones: Event }>(
        { query: command.query },
        {
          next(result) {
            const receivedAt = Date.now();
            if (result.errors?.length && errors.length < 20)
              errors.push(JSON.stringify(result.errors).slice(0, 300));
            const event = result.data?.shipmentMilestones;
            if (!event) return;
            counts[slot] = (counts[slot] ?? 0) + 1;
            deliveries += 1;
            lastReceivedAt = receivedAt;
            if (event.cursor) cursors.add(event.cursor);
            if (event.occurredAt) latencies.push(receivedAt - Date.parse(event.occurredAt));
            if (federated && !event.shipment?.order?.lines?.length) incomplete += 1;
          },
          error(error) {
            ended += 1;
            if (errors.length < 20) errors.push(String(JSON.stringify(error)).slice(0, 300));
          },
          complete() {
            ended += 1;
          },
        },
      );
    }
  }
}

function tally(withLatencies: boolean): Tally {
  return {
    subscriptions: counts.length,
    deliveries,
    distinct: cursors.size,
    fewest: counts.length ? Math.min(...counts) : 0,
    incomplete,
    errors,
    ended,
    lastReceivedAt,
    ...(withLatencies ? { latencies: latencies.sort((a, b) => a - b) } : {}),
  };
}

function reset() {
  counts = counts.map(() => 0);
  deliveries = 0;
  incomplete = 0;
  ended = 0;
  errors = [];
  latencies = [];
  cursors.clear();
}

const answer = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as Command;
  if (command.op === "open") {
    open(command);
    answer({ opened: counts.length });
  } else if (command.op === "status") answer(tally(false));
  else if (command.op === "reset") {
    const before = tally(true);
    reset();
    answer(before);
  } else {
    for (const client of clients.splice(0)) void client.dispose();
    counts = [];
    reset();
    answer({ closed: true });
  }
}
