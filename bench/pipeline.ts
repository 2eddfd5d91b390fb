// `npm run bench:pipeline`: shipments per second from confirmShipment to invoice issued, with the
// shipment-to-invoice latency, next to raw JetStream acked publishes on the same nats-server;
// resident memory of every process at rest and under that load.
import { setTimeout as sleep } from "node:timers/promises";
import type { ResultOf } from "@graphql-typed-document-node/core";
import { DeliverPolicy, jetstream, type ConsumerMessages } from "@nats-io/jetstream";
import { print } from "graphql";
import { CONFIRM_SHIPMENT, CONFIRM_SHIPMENTS } from "../test/documents/shipments.ts";
import { openBroker, rawPublish, redeliveries, type ConsumerState } from "./lib/bus.ts";
import { startHub } from "./lib/hub.ts";
import { loadAverage } from "./lib/machine.ts";
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
import { post } from "./lib/graphql.ts";
import { closedLoop, jsonPoster, openLoop } from "./lib/sender.ts";

const SHIPMENTS = Number(process.env.BENCH_SHIPMENTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const HALF_SECONDS = Number(process.env.BENCH_HALF_SECONDS ?? 15);
const RETRY_ORDERS = Number(process.env.BENCH_RETRY_ORDERS ?? 200);
// confirmShipments: shipments per call, calls in flight, shipments in the batched phase.
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const BATCH_CONCURRENCY = Number(process.env.BENCH_BATCH_CONCURRENCY ?? 4);
const BATCH_SHIPMENTS = Number(process.env.BENCH_BATCH_SHIPMENTS ?? 4000);
// At half the batched load, a wave every 50 ms: the latency a WMS sees that sends what it packed.
const HALF_BATCH = Number(process.env.BENCH_HALF_BATCH ?? 25);
// BENCH_PHASES=3,4 runs only those phases (2 needs 1, 4 needs 3) and prints without writing
// RESULTS.md: for profiling one phase (with BENCH_CPU_PROF, each phase prints its profile window).
const PHASES = new Set((process.env.BENCH_PHASES ?? "1,2,3,4,5,6").split(",").map(Number));
const ALL_PHASES = [1, 2, 3, 4, 5, 6].every((n) => PHASES.has(n));
const SKUS = 100;
const CUSTOMERS = 10;
// Printed once: the load sends them with every request.
const CONFIRM_SHIPMENT_TEXT = print(CONFIRM_SHIPMENT);
const CONFIRM_SHIPMENTS_TEXT = print(CONFIRM_SHIPMENTS);
type ConfirmShipmentsData = ResultOf<typeof CONFIRM_SHIPMENTS>;

interface Track {
  sent: number;
  answered?: number;
  confirmed?: number;
  invoiced?: number;
  ok?: boolean;
  shipmentId?: string;
}

const loadBefore = loadAverage();
const hub = await startHub();
const broker = await openBroker(hub.system.natsUrl);
const poster = jsonPoster(256);
const tracks = new Map<string, Track>();
// A batch shares one correlation id: its shipments are found by tracking number, then by id.
const byTracking = new Map<string, Track>();
const byShipment = new Map<string, Track>();
const eventSizes: number[] = [];

interface Seen {
  correlationid: string;
  data: { shipmentId: string; trackingNumber?: string };
}
/**
 * Follows one event type with an ordered JetStream consumer from now on: unlike a core NATS
 * subscription (at most once), it notices a gap and resumes after the last message it saw, so
 * every stored event is seen.
 */
async function watch(
  stream: string,
  subject: string,
  find: (seen: Seen, at: number) => Track | undefined,
  mark: (track: Track, at: number) => void,
): Promise<ConsumerMessages> {
  const consumer = await jetstream(broker.connection).consumers.get(stream, {
    deliver_policy: DeliverPolicy.New,
    filter_subjects: subject,
  });
  return consumer.consume({
    callback: (msg) => {
      const at = performance.now();
      eventSizes.push(msg.data.length);
      const seen = JSON.parse(msg.string()) as Seen;
      const track = tracks.get(seen.correlationid) ?? find(seen, at);
      if (track) mark(track, at);
    },
  });
}
// The two streams are followed by two consumers, which keep no order between them: an invoice
// can arrive before its shipment's confirmation, and waits here for it.
const invoicedEarly = new Map<string, number>();
const watching = [
  await watch(
    "SHIPMENTS",
    "shipments.shipment.confirmed",
    ({ data }) => {
      const track = byTracking.get(data.trackingNumber ?? "");
      if (track) {
        byShipment.set(data.shipmentId, track);
        track.shipmentId = data.shipmentId;
        const invoiced = invoicedEarly.get(data.shipmentId);
        if (invoiced !== undefined) track.invoiced ??= invoiced;
      }
      return track;
    },
    (track, at) => (track.confirmed ??= at),
  ),
  await watch(
    "BILLING",
    "billing.invoice.issued",
    ({ data }, at) => {
      const track = byShipment.get(data.shipmentId);
      if (!track) invoicedEarly.set(data.shipmentId, at);
      return track;
    },
    (track, at) => (track.invoiced ??= at),
  ),
];

/** Confirms one shipment of `order` through the gateway, tracked under `id`. */
async function confirm(order: PlacedOrder, id: string): Promise<string> {
  const track: Track = { sent: performance.now() };
  tracks.set(id, track);
  const body = JSON.stringify({
    query: CONFIRM_SHIPMENT_TEXT,
    variables: { input: shipmentInput(order, 1, `1ZP${id.replace(/[^A-Za-z0-9]/g, "")}`) },
  });
  const reply = await poster
    .post(hub.gateway.url, body, { ...hub.gateway.headers, "x-correlation-id": id })
    .catch((error: unknown) => ({ status: 0, body: String(error) }));
  track.answered = performance.now();
  track.ok = reply.status === 200 && reply.body.includes('"__typename":"Shipment"');
  return track.ok ? "" : reply.body.slice(0, 300);
}

/** Confirms one shipment of each of `orders` in one `confirmShipments` call, tracked under `ids`. */
async function confirmBatch(
  orders: PlacedOrder[],
  ids: string[],
  batchId: string,
): Promise<string> {
  const sent = performance.now();
  const batch = orders.map((order, i) => {
    const tracking = `1ZB${(ids[i] ?? "").replace(/[^A-Za-z0-9]/g, "")}`;
    const track: Track = { sent };
    tracks.set(ids[i] ?? "", track);
    byTracking.set(tracking, track);
    return { track, input: shipmentInput(order, 1, tracking) };
  });
  const body = JSON.stringify({
    query: CONFIRM_SHIPMENTS_TEXT,
    variables: { inputs: batch.map(({ input }) => input) },
  });
  const reply = await poster
    .post(hub.gateway.url, body, { ...hub.gateway.headers, "x-correlation-id": batchId })
    .catch((error: unknown) => ({ status: 0, body: String(error) }));
  const answered = performance.now();
  let results: ConfirmShipmentsData["confirmShipments"] = [];
  try {
    results =
      (JSON.parse(reply.body) as { data?: ConfirmShipmentsData }).data?.confirmShipments ?? [];
  } catch {
    // not JSON: every shipment of the batch failed
  }
  for (const [i, { track }] of batch.entries()) {
    track.answered = answered;
    track.ok = reply.status === 200 && results[i]?.__typename === "Shipment";
  }
  return batch.every(({ track }) => track.ok) ? "" : reply.body.slice(0, 300);
}

/** Groups `items` into lists of `size`. */
const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

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
  const behind = new Map<string, ConsumerState & { since: number; reported?: boolean }>();
  const sampler = (async () => {
    for (let tick = 0; sampling; tick++) {
      for (const { label, pid } of processes)
        peakRss.set(label, Math.max(peakRss.get(label) ?? 0, rssMiB(pid)));
      if (tick % 2 === 0) {
        const mine = [...tracks].filter(([id]) => id.startsWith(prefix)).map(([, t]) => t);
        const consumers = await broker.consumers();
        const billing = consumers.find((c) => c.key === "SHIPMENTS/billing");
        // A consumer with work and no progress for a while: say so, with its pulls on the server.
        for (const state of consumers) {
          const busy = state.pending + state.ackPending > 0;
          const before = behind.get(state.key);
          if (!busy || (before && before.deliveries !== state.deliveries)) behind.delete(state.key);
          else if (!before) behind.set(state.key, { since: performance.now(), ...state });
          else if (performance.now() - before.since > 2_000 && !before.reported) {
            before.reported = true;
            console.error(`  ${state.key} made no progress for 2 s:`, JSON.stringify(state));
          }
        }
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
  const windowFrom = process.hrtime.bigint() / 1000n;
  const failures = (await drive()).filter(Boolean);
  const mine = [...tracks].filter(([id]) => id.startsWith(prefix)).map(([, track]) => track);
  const shipped = mine.filter((track) => track.ok);
  const deadline = Date.now() + 300_000;
  while (shipped.some((track) => track.invoiced === undefined) && Date.now() < deadline)
    await sleep(20);
  const missing = [...tracks].filter(([id, t]) => id.startsWith(prefix) && t.ok && !t.invoiced);
  for (const [id, track] of missing.slice(0, 5)) {
    // What the hub itself says about a shipment whose invoice the benchmark never saw.
    const known = track.shipmentId
      ? await post(
          hub.gateway,
          `query ($id: ID!) { shipment(id: $id) { id invoice { id status } } }`,
          { id: track.shipmentId },
        )
      : "its shipments.shipment.confirmed event was not seen either";
    console.error(`  ${id}: confirmed, no invoice event seen in 300 s:`, JSON.stringify(known));
  }
  const lastInvoice = Math.max(...shipped.map((track) => track.invoiced ?? Number.NaN));
  await broker.drained(300_000);
  const settled = performance.now();
  const cpu = meter();
  // V8 profiles and hrtime share the monotonic clock: this slices each process's profile to the phase.
  if (process.env.BENCH_CPU_PROF)
    console.log(
      `  profile window of "${name}": --window ${windowFrom}-${process.hrtime.bigint() / 1000n}`,
    );
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

/** Confirms one shipment of each order, `size` per call, the calls sent by `loop`. */
async function confirmBatches(
  orders: PlacedOrder[],
  prefix: string,
  size: number,
  loop: (
    calls: { order: PlacedOrder; id: string }[][],
    send: (call: { order: PlacedOrder; id: string }[], n: number) => Promise<void>,
  ) => Promise<void>,
): Promise<string[]> {
  const failures: string[] = [];
  const calls = chunks(
    orders.map((order, i) => ({ order, id: `${prefix}${i}` })),
    size,
  );
  await loop(calls, async (call, n) => {
    const ids = call.map(({ id }) => id);
    failures.push(
      await confirmBatch(
        call.map(({ order }) => order),
        ids,
        `${prefix}call${n}`,
      ),
    );
  });
  return failures;
}

const phases: Phase[] = [];
let headline: { max: Phase; half: Phase } | undefined;
const atRest = new Map<string, number>();
const raw = { windowed: 0, serial: 0, size: 0 };
try {
  console.log("seeding: products, customers, orders…");
  const skus = Array.from({ length: SKUS }, (_, i) => `PL-${String(i).padStart(3, "0")}`);
  await inParallel(skus, 8, (sku) => createProduct(hub.gateway, sku, 500_000));
  const customers = await inParallel(Array.from({ length: CUSTOMERS }), 4, () =>
    createCustomer(hub.gateway),
  );
  /** Resident memory once, before the first phase: seeded with its orders, drained, idle 2 s. */
  const measureAtRest = async () => {
    if (atRest.size > 0) return;
    await sleep(2_000);
    for (const { label, pid } of hub.processes()) atRest.set(label, rssMiB(pid));
  };

  let max: Phase | undefined;
  if (PHASES.has(1)) {
    const maxOrders = await placeOrders(SHIPMENTS, skus, customers);
    await broker.drained(300_000);
    await measureAtRest();
    console.log(`phase 1: ${SHIPMENTS} shipments, ${CONCURRENCY} confirmations in flight…`);
    max = await phase(
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
  }

  const sample = eventSizes.slice(0, 1000);
  // 706 bytes: the mean event size measured when phase 1 ran.
  const size = sample.length ? Math.round(sample.reduce((a, b) => a + b, 0) / sample.length) : 706;
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

  if (PHASES.has(2) && max) {
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
  }

  let batched: Phase | undefined;
  if (PHASES.has(3)) {
    const batchOrders = await placeOrders(BATCH_SHIPMENTS, skus, customers);
    await broker.drained(300_000);
    await measureAtRest();
    console.log(
      `phase 3: ${BATCH_SHIPMENTS} shipments, ${BATCH} per confirmShipments call, ${BATCH_CONCURRENCY} calls in flight…`,
    );
    batched = await phase(
      "most shipments per second, batched",
      `confirmShipments of ${BATCH}, ${BATCH_CONCURRENCY} calls in flight`,
      "batch-",
      () =>
        confirmBatches(batchOrders, "batch-", BATCH, (calls, send) =>
          closedLoop(calls, BATCH_CONCURRENCY, send),
        ),
    );
    phases.push(batched);
    console.log(
      `  ${batched.perSecond.toFixed(0)} shipments/s, p99 ${ms(percentile(batched.latency, 99))} ms`,
    );
  }

  if (PHASES.has(4) && batched) {
    const batchRate = Math.max(1, Math.floor(batched.perSecond / 2));
    const halfBatchOrders = await placeOrders(batchRate * HALF_SECONDS, skus, customers);
    await broker.drained(300_000);
    console.log(`phase 4: half the batched load, ${batchRate} shipments/s for ${HALF_SECONDS} s…`);
    const halfBatched = await phase(
      "half the batched load",
      `${batchRate} shipments/s in confirmShipments of ${HALF_BATCH}, evenly spaced`,
      "halfbatch-",
      () =>
        confirmBatches(halfBatchOrders, "halfbatch-", HALF_BATCH, (calls, send) =>
          openLoop(calls, batchRate / HALF_BATCH, send),
        ),
    );
    phases.push(halfBatched);
    console.log(
      `  ${halfBatched.perSecond.toFixed(0)} shipments/s, p99 ${ms(percentile(halfBatched.latency, 99))} ms`,
    );
    headline = { max: batched, half: halfBatched };
  }

  await measureAtRest();
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
  if (PHASES.has(5)) {
    console.log(`phase 5: ${RETRY_ORDERS} orders shipped as soon as shipments knows them…`);
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
  }

  // Billing stopped (SIGSTOP) while orders are placed and shipped, then let go: its two consumers
  // (orders' stream, shipments' stream) catch up independently, and a shipment seen before its
  // order is retried after the consumer's backoff (RetryLaterError). Latency counts from the resume.
  const billing = hub.processes().find((process) => process.label === "billing");
  let resumedAt = 0;
  if (PHASES.has(6)) {
    console.log(`phase 6: ${RETRY_ORDERS} orders placed and shipped while billing is paused…`);
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
  }
} finally {
  poster.close();
  for (const messages of watching) messages.stop();
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
    settings: {
      SHIPMENTS,
      CONCURRENCY,
      HALF_SECONDS,
      BATCH,
      BATCH_CONCURRENCY,
      BATCH_SHIPMENTS,
      HALF_BATCH,
      RETRY_ORDERS,
    },
    ...(headline ? { headline } : {}),
    skus: SKUS,
    customers: CUSTOMERS,
  },
  dataDir,
);
if (ALL_PHASES) await writeSection(dataDir ? "pipeline-tmpfs" : "pipeline", body);
else console.log(`${body}\n(only phases ${[...PHASES].join(", ")}: RESULTS.md left as it was)`);
