// The subscriptions section of bench/RESULTS.md, from what bench/subscriptions.ts measured.
import { machineReport, loadAverage } from "./machine.ts";
import { percentile } from "./pipeline-report.ts";
import { table } from "./results.ts";
import type { Tally } from "./subscribers.ts";
import type { Memory } from "./inspect-memory.ts";

/** One throughput row: who subscribes, with what selection. */
export type Row = {
  label: string;
  /** The connections' credentials, taken in turn. */
  credentials: string[];
  query: string;
  /** How many subscriptions may see each event. */
  perEvent: number;
  /** Milestones sent at a steady rate rather than as fast as the gateway takes them. */
  paced?: boolean;
};

export type Measured = Row & {
  subscriptions: number;
  connections: number;
  events: number;
  expected: number;
  tally: Tally;
  /** From the first milestone sent to the last delivery received. */
  seconds: number;
  /** From the first milestone sent to the last one answered. */
  sentSeconds: number;
  /** CPU seconds of each process over the row. */
  cpu: Map<string, number>;
};

export type MemoryPoint = Memory & { subscriptions: number; connections: number };

const SUBGRAPHS = ["orders", "shipments", "inventory", "billing", "returns", "integrations"];
const count = (value: number) => Math.round(value).toLocaleString("en");
const seconds = (value: number | undefined) => (value ?? 0).toFixed(1);

function throughputRow(row: Measured): (string | number)[] {
  const latencies = row.tally.latencies ?? [];
  const subgraphs = SUBGRAPHS.reduce((sum, name) => sum + (row.cpu.get(name) ?? 0), 0);
  const complete = row.tally.deliveries >= row.expected ? "" : ` of ${count(row.expected)}`;
  return [
    row.label,
    `${count(row.subscriptions)} / ${row.connections}`,
    row.events,
    (row.events / row.sentSeconds).toFixed(1),
    `${count(row.tally.deliveries)}${complete}`,
    row.paced ? "(paced)" : count(row.tally.deliveries / row.seconds),
    row.paced ? "(paced)" : (row.tally.distinct / row.seconds).toFixed(1),
    count(percentile(latencies, 50)),
    count(percentile(latencies, 99)),
    `${seconds(row.cpu.get("gateway"))} / ${seconds(subgraphs)} / ${seconds(row.cpu.get("subscribers"))} over ${row.seconds.toFixed(1)}`,
  ];
}

function memoryRows(points: MemoryPoint[]): (string | number)[][] {
  const [base] = points;
  return points.map((point) => {
    const per = (field: "rssMiB" | "heapUsedMiB") =>
      point.subscriptions && base
        ? count(((point[field] - base[field]) * 2 ** 20) / point.subscriptions)
        : "–";
    return [
      count(point.subscriptions),
      point.connections,
      point.rssMiB.toFixed(1),
      point.heapUsedMiB.toFixed(1),
      per("rssMiB"),
      per("heapUsedMiB"),
    ];
  });
}

export async function subscriptionsReport(run: {
  rows: Measured[];
  memory: MemoryPoint[];
  problems: string[];
  loadBefore: string;
  settings: {
    sendConcurrency: number;
    pacedRate: number;
    shipments: number;
    perConnection: number;
  };
}): Promise<string> {
  const incomplete = run.rows.reduce((sum, row) => sum + row.tally.incomplete, 0);
  const find = (label: string) => run.rows.find((row) => row.label === label);
  const federated = find("one agent, federated");
  const idsOnly = find("one agent, ids only");
  const partners = find("10 partners, federated");
  const subgraphCpu = (row: Measured | undefined) =>
    SUBGRAPHS.reduce((sum, name) => sum + (row?.cpu.get(name) ?? 0), 0);
  const keptPace = run.rows
    .filter((row) => !row.paced)
    .filter((row) => row.tally.distinct / row.seconds >= 0.9 * (row.events / row.sentSeconds))
    .map((row) => row.label);
  const utilisation = (row: Measured | undefined) =>
    row ? ((row.cpu.get("gateway") ?? 0) / row.seconds).toFixed(2) : "–";
  const rate = (row: Measured | undefined) => (row ? row.tally.deliveries / row.seconds : NaN);
  const gatewayCpuPerDelivery = (row: Measured | undefined) =>
    row ? ((row.cpu.get("gateway") ?? 0) * 1e6) / row.tally.deliveries : NaN;
  const errors = run.rows.flatMap((row) => row.tally.errors.map((e) => `${row.label}: ${e}`));
  return `## Subscriptions: milestones to 1,000 graphql-ws subscribers with federated fields

Subscribers: a child process opens graphql-ws (graphql-transport-ws) subscriptions to
\`shipmentMilestones\` (no filter) at /graphql, ${count(run.rows[0]?.subscriptions ?? 0)} per row
multiplexed over ${run.rows[0]?.connections ?? 0} WebSockets (${run.settings.perConnection} subscriptions on each;
as a backend serving many browsers would multiplex them; a socket per subscription was not
measured). Federated rows select
\`cursor type occurredAt shipment { id status order { id lines { quantity product { name } } }
invoice { number } }\`, the ids-only row \`cursor type occurredAt shipmentId status\`. Milestones
(IN_TRANSIT, OUT_FOR_DELIVERY) are recorded through the gateway with \`recordMilestone\`, round
robin over ${run.settings.shipments} shipments (10 customers, each with orders of two lines
shipped whole and invoiced), ${run.settings.sendConcurrency} in flight, or one every
${Math.round(1000 / run.settings.pacedRate)} ms in the paced row; \`occurredAt\` is the moment
it was sent, and latency is its receipt in the subscriber process less \`occurredAt\`.
Recorded/s is milestones answered by \`recordMilestone\` per second while they were sent.
Deliveries/s and events/s (distinct milestones delivered) count from the first milestone sent to
the last delivery received, so with milestones sent faster than they are delivered, the
latencies of those rows are mostly queueing behind earlier events.

Principals: "one agent" is one agent API key on every connection, so all subscribers ask the
same of the same event with the same rights and share one entity read per event; "10 partners"
are ten partner keys each linked to all ten customers (every event reaches every subscriber, one
read per partner per event); "10 customers" are ten customer keys, each hearing only its own
account's milestones (a tenth of the events reach each subscriber).

Memory: idle subscriptions (the federated selection, the agent key, 100 on each connection),
each live (it has received a milestone), read 6 s after the last event (past the 5 s an entity
read is kept for sharing); the gateway's RSS and V8 heap in use after a full garbage collection
(asked through its inspector), against the same gateway with none open.

${table(
  [
    "subscribers",
    "subscriptions / connections",
    "milestones",
    "recorded/s",
    "deliveries",
    "deliveries/s",
    "events/s",
    "p50 ms",
    "p99 ms",
    "CPU s: gateway / subgraphs / subscribers over wall s",
  ],
  run.rows.map(throughputRow),
)}

Federated fields against ids only (one agent): ids only delivers
${(rate(idsOnly) / rate(federated)).toFixed(1)}× as many events per second;
${count(gatewayCpuPerDelivery(federated))} against ${count(gatewayCpuPerDelivery(idsOnly))} µs of
gateway CPU per delivery. Ten principals against one (federated): ${(rate(partners) / rate(federated)).toFixed(2)}×
the deliveries per second, ${(subgraphCpu(partners) / subgraphCpu(federated)).toFixed(1)}× the
subgraphs' CPU (ten entity reads per event instead of one).

${table(
  [
    "idle subscriptions",
    "connections",
    "gateway RSS MiB",
    "heap used MiB",
    "bytes per subscription (RSS)",
    "bytes per subscription (heap)",
  ],
  memoryRows(run.memory),
)}

What limits it: the gateway's one event loop. Every delivery is an execution of the subscriber's
selection over the event (and over the shared entity answer), serialised into a graphql-ws message
of its own and written to its socket. The gateway used ${utilisation(federated)} (federated) and
${utilisation(idsOnly)} (ids only) of a core over those rows, sharing two cores with the
subgraphs, the subscribers' process and nats-server. A CPU profile of a whole run
(\`BENCH_CPU_PROF\`, 2026-12-03; the gateway busy 104 s of 139 s) puts 29 % of the gateway's
time in graphql-js execution (collecting fields, argument values and completing values, per
subscriber), 17 % in garbage collection, about 17 % in serialising and writing messages (graphql-ws
\`stringifyMessage\`, \`writeUtf8String\`, \`writev\`) and 1 % parsing the event's instants
again for every subscriber (\`iso\` in \`subscriptions/fields.ts\`); building each entity read's
sharing key from the query's whole text took another 3 % before it was keyed by a short id. The read itself is
shared as meant: with one principal the subgraphs do one read per event. With ten partners each
event costs ten reads through the query planner and its subgraphs, which then compete with the
gateway for the two cores. Rows whose events/s came within a tenth of recorded/s (${keptPace.join(", ") || "none"}) kept
pace with the recording, which shares the gateway's loop with the deliveries: their deliveries/s
are lower bounds of what the gateway can deliver (customers hear a tenth of the events each). Latency: rows sending
as fast as the gateway records them queue events behind each other, so their p50 is the
backlog's drain time; at a steady 2 milestones/s (2,000 deliveries/s) it is the fan-out of one
event, a thousand executions of about 0.1 ms in turn on one loop plus the entity read.

Memory: 5,000 idle subscriptions cost the gateway about
${count((run.memory.at(-1)?.heapUsedMiB ?? 0) - (run.memory[0]?.heapUsedMiB ?? 0))} MiB of heap: the subscription's state in graphql-ws and the gateway's
follow. Subscribers sending the same document share one parsed copy (\`subscriptions/prepare.ts\`
keeps valid documents by their text); parsed anew for each, this selection's document alone was
12 kB of heap per subscription (5,000 parses, measured apart), about half of what a subscription
cost before.



${errors.length ? `Errors seen by subscribers: ${errors.slice(0, 5).join("; ")}` : "No subscriber saw an error."}
${incomplete ? `${count(incomplete)} federated deliveries came without their shipment's order lines.` : "Every federated delivery carried its shipment's order and lines."}
${run.problems.length ? `\nLogged by the hub (first lines): ${run.problems.slice(0, 3).join("; ")}` : ""}

${await machineReport()}
- load average (1, 5, 15 min): ${run.loadBefore} before, ${loadAverage()} after
`;
}
