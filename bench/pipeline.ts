// `npm run bench:pipeline`: shipments per second from confirmShipment to invoice issued, with the
// shipment-to-invoice latency, next to raw JetStream acked publishes on the same nats-server;
// resident memory of every process at rest and under that load.
import { setTimeout as sleep } from "node:timers/promises";
import { openBroker, rawPublish, redeliveries, type ConsumerState } from "./lib/bus.ts";
import { startHub } from "./lib/hub.ts";
import { loadAverage } from "./lib/machine.ts";
import { CONFIRM_SHIPMENT } from "./lib/operations.ts";
import { cpuMeter, rssMiB, type Watched } from "./lib/procs.ts";
import { writeSection } from "./lib/results.ts";
import { percentile, pipelineReport, ms, type Phase } from "./lib/pipeline-report.ts";
import {
  createCustomer,
  createProduct,
  inParallel,
  placeOrder,
  shipmentInput,
  type PlacedOrder,
} from "./lib/seed.ts";
import { closedLoop, jsonPoster, openLoop } from "./lib/sender.ts";

const SHIPMENTS = Number(process.env.BENCH_SHIPMENTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const HALF_SECONDS = Number(process.env.BENCH_HALF_SECONDS ?? 15);
const RETRY_ORDERS = Number(process.env.BENCH_RETRY_ORDERS ?? 200);
const SKUS = 100;
const CUSTOMERS = 10;

interface Track {
  sent: number;
  answered?: number;
  confirmed?: number;
  invoiced?: number;
  ok?: boolean;
}

const loadBefore = loadAverage();
const hub = await startHub();
const broker = await openBroker(hub.system.natsUrl);
const poster = jsonPoster(256);
const tracks = new Map<string, Track>();
const eventSizes: number[] = [];

const watch = (subject: string, mark: (track: Track, at: number) => void) =>
  broker.connection.subscribe(subject, {
    callback: (error, msg) => {
      if (error) return;
      const at = performance.now();
      eventSizes.push(msg.data.length);
      const { correlationid } = JSON.parse(msg.string()) as { correlationid: string };
      const track = tracks.get(correlationid);
      if (track) mark(track, at);
    },
  });
watch("shipments.shipment.confirmed", (track, at) => (track.confirmed ??= at));
watch("billing.invoice.issued", (track, at) => (track.invoiced ??= at));

/** Confirms one shipment of `order` through the gateway, tracked under `id`. */
async function confirm(order: PlacedOrder, id: string): Promise<string> {
  const track: Track = { sent: performance.now() };
  tracks.set(id, track);
  const body = JSON.stringify({
    query: CONFIRM_SHIPMENT,
    variables: { input: shipmentInput(order, 1, `1ZP${id.replace(/[^A-Za-z0-9]/g, "")}`) },
  });
  const reply = await poster
    .post(hub.gateway.url, body, { ...hub.gateway.headers, "x-correlation-id": id })
    .catch((error: unknown) => ({ status: 0, body: String(error) }));
  track.answered = performance.now();
  track.ok = reply.status === 200 && reply.body.includes('"__typename":"Shipment"');
  return track.ok ? "" : reply.body.slice(0, 300);
}

async function placeOrders(count: number, skus: string[], customers: string[]) {
  return inParallel(Array.from({ length: count }), 16, (_, i) =>
    placeOrder(
      hub.gateway,
      customers[i % customers.length] ?? "",
      [skus[i % skus.length] ?? ""],
      1,
    ),
  );
}

/** Runs `drive` (which confirms shipments tracked under `prefix`) and measures it to the last invoice. */
async function phase(
  name: string,
  offered: string,
  prefix: string,
  drive: () => Promise<string[]>,
  from?: () => number,
): Promise<Phase> {
  const processes: Watched[] = hub.processes();
  const peakRss = new Map<string, number>();
  const timeline: string[][] = [];
  let sampling = true;
  const origin = performance.now();
  const sampler = (async () => {
    for (let tick = 0; sampling; tick++) {
      for (const { label, pid } of processes)
        peakRss.set(label, Math.max(peakRss.get(label) ?? 0, rssMiB(pid)));
      if (tick % 2 === 0) {
        const mine = [...tracks].filter(([id]) => id.startsWith(prefix)).map(([, t]) => t);
        const billing = (await broker.consumers()).find((c) => c.key === "SHIPMENTS/billing");
        timeline.push([
          ((performance.now() - origin) / 1000).toFixed(1),
          String(mine.filter((t) => t.answered !== undefined).length),
          String(mine.filter((t) => t.confirmed !== undefined).length),
          String(billing ? billing.pending + billing.ackPending : "–"),
          String(mine.filter((t) => t.invoiced !== undefined).length),
        ]);
      }
      await sleep(250);
    }
  })();
  const consumersBefore: ConsumerState[] = await broker.consumers();
  const publishedBefore = await broker.published();
  const meter = cpuMeter(processes);
  const started = performance.now();
  const failures = (await drive()).filter(Boolean);
  const mine = [...tracks].filter(([id]) => id.startsWith(prefix)).map(([, track]) => track);
  const shipped = mine.filter((track) => track.ok);
  const deadline = Date.now() + 300_000;
  while (shipped.some((track) => track.invoiced === undefined) && Date.now() < deadline)
    await sleep(20);
  const lastInvoice = Math.max(...shipped.map((track) => track.invoiced ?? Number.NaN));
  await broker.drained(300_000);
  const settled = performance.now();
  const cpu = meter();
  sampling = false;
  await sampler;
  const publishedAfter = await broker.published();
  const events = [...publishedAfter].reduce(
    (sum, [stream, count]) => sum + count - (publishedBefore.get(stream) ?? 0),
    0,
  );
  const firstSent = Math.min(...mine.map((track) => track.sent));
  const seconds = (lastInvoice - Math.max(firstSent, from?.() ?? 0)) / 1000;
  const invoiced = shipped.filter((track) => track.invoiced !== undefined);
  const latency = invoiced.map((t) => (t.invoiced ?? 0) - Math.max(t.sent, from?.() ?? 0));
  return {
    name,
    offered,
    shipments: invoiced.length,
    failures: mine.length - invoiced.length,
    firstFailure: failures[0] ?? null,
    seconds,
    perSecond: invoiced.length / seconds,
    latency,
    answer: invoiced.map((t) => (t.answered ?? 0) - t.sent),
    toBus: invoiced.filter((t) => t.confirmed).map((t) => (t.confirmed ?? 0) - t.sent),
    busToInvoice: invoiced
      .filter((t) => t.confirmed)
      .map((t) => (t.invoiced ?? 0) - (t.confirmed ?? 0)),
    events,
    eventsSeconds: (settled - started) / 1000,
    cpu,
    wallSeconds: (settled - started) / 1000,
    peakRss,
    redelivered: redeliveries(consumersBefore, await broker.consumers()),
    timeline,
  };
}

const phases: Phase[] = [];
const atRest = new Map<string, number>();
const raw = { windowed: 0, serial: 0, size: 0 };
try {
  console.log("seeding: products, customers, orders…");
  const skus = Array.from({ length: SKUS }, (_, i) => `PL-${String(i).padStart(3, "0")}`);
  await inParallel(skus, 8, (sku) => createProduct(hub.gateway, sku, 500_000));
  const customers = await inParallel(Array.from({ length: CUSTOMERS }), 4, () =>
    createCustomer(hub.gateway),
  );
  const maxOrders = await placeOrders(SHIPMENTS, skus, customers);
  await broker.drained(300_000);
  await sleep(2_000);
  for (const { label, pid } of hub.processes()) atRest.set(label, rssMiB(pid));

  console.log(`phase 1: ${SHIPMENTS} shipments, ${CONCURRENCY} confirmations in flight…`);
  const max = await phase(
    "most shipments per second",
    `${CONCURRENCY} confirmations in flight`,
    "max-",
    async () => {
      const failures: string[] = [];
      await closedLoop(maxOrders, CONCURRENCY, async (order, i) => {
        failures.push(await confirm(order, `max-${i}`));
      });
      return failures;
    },
  );
  phases.push(max);
  console.log(
    `  ${max.perSecond.toFixed(0)} shipments/s, p99 ${ms(percentile(max.latency, 99))} ms`,
  );

  const sample = eventSizes.slice(0, 1000);
  const size = Math.round(sample.reduce((a, b) => a + b, 0) / Math.max(sample.length, 1));
  console.log(`raw JetStream: acked publishes of ${size} bytes…`);
  const windowed = await rawPublish(broker, {
    messages: 20_000,
    size,
    inFlight: 256,
    stream: "BENCHRAW",
  });
  const serial = await rawPublish(broker, {
    messages: 3_000,
    size,
    inFlight: 1,
    stream: "BENCHSERIAL",
  });
  Object.assign(raw, { windowed: windowed.perSecond, serial: serial.perSecond, size });

  const rate = Math.max(1, Math.floor(max.perSecond / 2));
  const halfOrders = await placeOrders(rate * HALF_SECONDS, skus, customers);
  await broker.drained(300_000);
  console.log(`phase 2: half load, ${rate} shipments/s for ${HALF_SECONDS} s…`);
  phases.push(
    await phase("half that load", `${rate} confirmations/s, evenly spaced`, "half-", async () => {
      const failures: string[] = [];
      await openLoop(halfOrders, rate, async (order, i) => {
        failures.push(await confirm(order, `half-${i}`));
      });
      return failures;
    }),
  );

  console.log(`phase 3: ${RETRY_ORDERS} orders shipped as soon as shipments knows them…`);
  const placeAndShip = async (prefix: string, i: number): Promise<string> => {
    const customer = customers[i % CUSTOMERS] ?? "";
    const order = await placeOrder(hub.gateway, customer, [skus[i % SKUS] ?? ""], 1);
    for (let attempt = 0; attempt < 1000; attempt++) {
      const failure = await confirm(order, `${prefix}${i}`);
      if (!failure.includes("UnknownOrderError")) return failure;
      await sleep(10);
    }
    return "shipments never learned the order";
  };
  phases.push(
    await phase(
      "placed and shipped at once",
      "order placed, then shipped as soon as shipments accepts it; 16 at a time",
      "now-",
      async () => {
        const failures: string[] = [];
        await closedLoop(Array.from({ length: RETRY_ORDERS }), 16, async (_, i) => {
          failures.push(await placeAndShip("now-", i));
        });
        return failures;
      },
    ),
  );

  // Billing stopped (SIGSTOP) while orders are placed and shipped, then let go: its two consumers
  // (orders' stream, shipments' stream) catch up independently, and a shipment seen before its
  // order is retried after the consumer's backoff (RetryLaterError). Latency counts from the resume.
  const billing = hub.processes().find((process) => process.label === "billing");
  let resumedAt = 0;
  console.log(`phase 4: ${RETRY_ORDERS} orders placed and shipped while billing is paused…`);
  phases.push(
    await phase(
      "billing catching up after a pause",
      "billing paused while the orders are placed and shipped (16 at a time), then resumed",
      "pause-",
      async () => {
        if (billing) process.kill(billing.pid, "SIGSTOP");
        const failures: string[] = [];
        try {
          await closedLoop(Array.from({ length: RETRY_ORDERS }), 16, async (_, i) => {
            failures.push(await placeAndShip("pause-", i));
          });
        } finally {
          resumedAt = performance.now();
          if (billing) process.kill(billing.pid, "SIGCONT");
        }
        return failures;
      },
      () => resumedAt,
    ),
  );
} finally {
  poster.close();
  await broker.close();
  await hub.stop();
}

const dataDir = process.env.BENCH_DATA_DIR;
const body = await pipelineReport(
  {
    phases,
    atRest,
    raw,
    loadBefore,
    settings: { SHIPMENTS, CONCURRENCY, HALF_SECONDS, RETRY_ORDERS },
    skus: SKUS,
    customers: CUSTOMERS,
  },
  dataDir,
);
await writeSection(dataDir ? "pipeline-tmpfs" : "pipeline", body);
