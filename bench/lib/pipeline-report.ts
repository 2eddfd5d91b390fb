// The pipeline benchmark's section of bench/RESULTS.md, from its measured phases.
import { loadAverage, machineReport } from "./machine.ts";
import { table } from "./results.ts";

export interface Phase {
  name: string;
  offered: string;
  shipments: number;
  failures: number;
  firstFailure: string | null;
  seconds: number;
  perSecond: number;
  latency: number[];
  answer: number[];
  toBus: number[];
  busToInvoice: number[];
  events: number;
  eventsSeconds: number;
  cpu: Map<string, number>;
  wallSeconds: number;
  peakRss: Map<string, number>;
  redelivered: Map<string, number>;
  /** Every 0.5 s: seconds, answered, confirmed events, billing's backlog, invoices. */
  timeline: string[][];
}

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};
export const ms = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(0));

export interface PipelineRun {
  phases: Phase[];
  atRest: Map<string, number>;
  raw: { windowed: number; serial: number; size: number };
  loadBefore: string;
  settings: Record<string, number>;
  skus: number;
  customers: number;
  /** The phases the targets are judged on; the first two phases when absent. */
  headline?: { max: Phase; half: Phase };
}

/** The markdown section for one run; `dataDir` names where the data lived when not the default. */
export async function pipelineReport(run: PipelineRun, dataDir?: string): Promise<string> {
  const { phases, atRest, raw, loadBefore, settings } = run;
  const [first, second] = phases;
  const max = run.headline?.max ?? first;
  const half = run.headline?.half ?? second;
  const processLabels = [...atRest.keys()];
  return `## Event pipeline: confirmShipment to invoice issued, against raw JetStream${dataDir ? ` (diagnostic: databases and JetStream on ${dataDir})` : ""}

${await machineReport()}
- load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after
- command: \`${dataDir ? `BENCH_DATA_DIR=${dataDir} ` : ""}npm run bench:pipeline\` (${Object.entries(
    settings,
  )
    .map(([name, value]) => `BENCH_${name}=${value}`)
    .join(" ")})

nats-server, the five subgraphs and our gateway run as separate processes (\`scripts/system.ts\`).
Orders (one line, one unit, ${run.skus} SKUs, ${run.customers} ON_SHIPMENT customers) are placed through the
gateway and the consumers left to drain first; then each shipment is confirmed through the
gateway: with \`confirmShipment\`, one per request, each under its own \`x-correlation-id\`, or
("batched") with \`confirmShipments\`, many per request and transaction, as a WMS wave would send
them. The benchmark follows \`shipments.shipment.confirmed\` and \`billing.invoice.issued\` with
ordered JetStream consumers on the same nats-server (each event once it is stored) and matches
events to requests by the envelope's \`correlationid\` (a batch's shipments by tracking number,
then shipment id). Latency is from sending the request that confirmed the shipment to receiving
the invoice's \`billing.invoice.issued\` from the stream. "Shipments/s" counts invoiced shipments from the first
request to the last invoice. "Events/s" counts every message the services stored in their streams
(all consumers' effects: invoices, stock, order status) from the first request until every
consumer had drained. "CPU ms/shipment" is the CPU time of every process of the hub (not the
benchmark's own) from the first request until every consumer had drained, per invoiced shipment
(in the last two phases it includes placing the orders).

${table(
  [
    "phase",
    "offered",
    "invoiced",
    "failures",
    "shipments/s",
    "p50 ms",
    "p90 ms",
    "p99 ms",
    "max ms",
    "≥ 1 s",
    "events/s",
    "CPU ms/shipment",
  ],
  phases.map((p) => [
    p.name,
    p.offered,
    p.shipments,
    p.failures,
    `**${p.perSecond.toFixed(0)}**`,
    ms(percentile(p.latency, 50)),
    ms(percentile(p.latency, 90)),
    `**${ms(percentile(p.latency, 99))}**`,
    ms(Math.max(...p.latency)),
    p.latency.filter((value) => value >= 1000).length,
    (p.events / p.eventsSeconds).toFixed(0),
    (
      (1000 *
        [...p.cpu]
          .filter(([label]) => label !== "bench (load generator)")
          .reduce((sum, [, seconds]) => sum + seconds, 0)) /
      p.shipments
    ).toFixed(1),
  ]),
)}

Where the time goes (p50 / p99, ms): the \`confirmShipment\` answer; from sending it to
\`shipments.shipment.confirmed\` on the bus (transaction, commit, outbox relay); from that event to
\`billing.invoice.issued\` (billing's consumer, its transaction, its relay).

${table(
  ["phase", "answer", "request → confirmed event", "confirmed event → invoice event"],
  phases.map((p) => [
    p.name,
    `${ms(percentile(p.answer, 50))} / ${ms(percentile(p.answer, 99))}`,
    `${ms(percentile(p.toBus, 50))} / ${ms(percentile(p.toBus, 99))}`,
    `${ms(percentile(p.busToInvoice, 50))} / ${ms(percentile(p.busToInvoice, 99))}`,
  ]),
)}

Raw JetStream on the same nats-server in the same run (file stream like the services', msg id set,
${raw.size}-byte messages, the mean size of the events seen above): **${raw.windowed.toFixed(0)}**
acked publishes/s with 256 in flight; ${raw.serial.toFixed(0)}/s publishing one at a time and
waiting for each ack (as the outbox relay did before it published batches).

Against the targets (${max ? `"${max.name}"` : "–"}, and ${half ? `"${half.name}"` : "–"} for latency):

- events the pipeline published per second at full load: ${max ? (max.events / max.eventsSeconds).toFixed(0) : "–"}, **${max ? ((100 * max.events) / max.eventsSeconds / raw.windowed).toFixed(1) : "–"} %** of raw JetStream (target ≥ 25 %)
- shipments per second: ${max ? max.perSecond.toFixed(0) : "–"} (target ≥ 1,000); p99 at half load: ${half ? ms(percentile(half.latency, 99)) : "–"} ms (target < 100 ms)

Redeliveries per consumer (\`STREAM/durable\`; deliveries beyond the first, from the consumers'
sequence numbers), and CPU used per process from the first request until every consumer drained
(100 % = one core):

${table(
  ["phase", "redeliveries", ...processLabels.map((label) => `CPU ${label}`), "CPU bench"],
  phases.map((p) => [
    p.name,
    [...p.redelivered]
      .filter(([, n]) => n > 0)
      .map(([key, n]) => `${key} ${n}`)
      .join(", ") || "none",
    ...processLabels.map(
      (label) => `${((100 * (p.cpu.get(label) ?? 0)) / p.wallSeconds).toFixed(0)} %`,
    ),
    `${((100 * (p.cpu.get("bench (load generator)") ?? 0)) / p.wallSeconds).toFixed(0)} %`,
  ]),
)}

How the first phase went, every half second (confirmations answered by the gateway,
\`shipments.shipment.confirmed\` events seen on the bus, billing's backlog on the shipments stream,
invoices issued):

${table(
  ["s", "answered", "confirmed events", "billing backlog", "invoices"],
  (first?.timeline ?? []).filter(
    (_, i, all) => all.length <= 40 || i % Math.ceil(all.length / 40) === 0,
  ),
)}

### Memory (resident set size, MiB)

${table(
  ["process", "at rest (seeded, drained)", ...phases.map((p) => `peak: ${p.name}`)],
  processLabels.map((label) => [
    label,
    (atRest.get(label) ?? 0).toFixed(0),
    ...phases.map((p) => (p.peakRss.get(label) ?? 0).toFixed(0)),
  ]),
)}
`;
}
