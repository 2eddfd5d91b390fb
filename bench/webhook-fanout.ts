// `npm run bench:webhooks`: outbound webhook deliveries per second to 100 endpoints on this
// machine. Events fan out to every endpoint through the consumer's path (inbox record and
// deliveries in one transaction), then the delivery loop signs and posts them to receivers in a
// child process until all are delivered.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { applyOnce, buildEvent } from "@waybill/bus";
import { openTestStore, testPrincipal } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { createRuntime } from "@waybill/service";
import { outboundConfig } from "../services/integrations/src/outbound/config.ts";
import { deliverDue } from "../services/integrations/src/outbound/deliver.ts";
import { registerEndpoint } from "../services/integrations/src/outbound/endpoints.ts";
import { fanOut } from "../services/integrations/src/outbound/fan-out.ts";
import { createOutbound } from "../services/integrations/src/outbound/outbound.ts";
import { prepareOutboundStore } from "../services/integrations/src/store/outbound.ts";
import { loadAverage, machineReport } from "./lib/machine.ts";
import { table, writeSection } from "./lib/results.ts";

const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? "100");
const EVENTS = Number(process.env.BENCH_EVENTS ?? "50");
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "32,64").split(",").map(Number);

const loadBefore = loadAverage();
const receivers = spawn(
  process.execPath,
  [new URL("./lib/webhook-receivers.ts", import.meta.url).pathname, String(ENDPOINTS)],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
const [line] = (await once(createInterface({ input: receivers.stdout }), "line")) as [string];
const ports = JSON.parse(line) as number[];

type Run = { concurrency: number; deliveries: number; fanOutMs: number; deliverMs: number };

async function run(concurrency: number): Promise<Run> {
  const store = await openTestStore("integrations");
  await prepareOutboundStore(store.store);
  const runtime = createRuntime(
    "integrations",
    store.store,
    createLogger("bench", "silent"),
    () => {},
  );
  const outbound = createOutbound(
    runtime,
    outboundConfig({
      WEBHOOK_ALLOW_HTTP: "true",
      WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
      WEBHOOK_CONCURRENCY: String(concurrency),
    }),
  );
  for (const port of ports)
    await registerEndpoint(outbound, testPrincipal("admin"), {
      url: `http://127.0.0.1:${port}/hooks`,
      eventTypes: ["orders.order.updated"],
      accounts: [],
    });
  const fanOutStarted = performance.now();
  for (let index = 0; index < EVENTS; index += 1) {
    const event = buildEvent({
      type: "orders.order.updated",
      subject: `ord_${index}`,
      source: "/waybill/orders",
      data: {
        orderId: `ord_${index}`,
        customerId: "cus_bench",
        fulfilmentStatus: "UNFULFILLED",
        billingStatus: "NOT_BILLED",
        revision: 1,
        updatedAt: new Date().toISOString(),
      },
    });
    await applyOnce(store.store, "integrations", event, async (session) => {
      await fanOut(outbound.repo, event, session);
    });
  }
  const fanOutMs = performance.now() - fanOutStarted;
  const deliveries = store.store.collection("webhookDeliveries");
  const started = performance.now();
  while ((await deliverDue(outbound.delivery)) > 0);
  const deliverMs = performance.now() - started;
  const delivered = await deliveries.countDocuments({ state: "delivered" });
  if (delivered !== ENDPOINTS * EVENTS)
    throw new Error(`only ${delivered} of ${ENDPOINTS * EVENTS} deliveries were delivered`);
  await outbound.delivery.sender.close();
  await store.close();
  return { concurrency, deliveries: delivered, fanOutMs, deliverMs };
}

const runs: Run[] = [];
for (const concurrency of CONCURRENCY) runs.push(await run(concurrency));
receivers.kill();

const perSecond = (count: number, ms: number) =>
  Math.round((count / ms) * 1000).toLocaleString("en");
await writeSection(
  "webhooks",
  `## webhooks

Outbound webhook fan-out: ${EVENTS} \`orders.order.updated\` events to ${ENDPOINTS} endpoints
(${(ENDPOINTS * EVENTS).toLocaleString("en")} deliveries), each event fanned out through the
consumer's path (inbox record and one delivery per endpoint in one transaction, embedded store),
then delivered by the delivery loop: claimed with a lease, signed (HMAC-SHA256), posted over
keep-alive connections through the SSRF-checking agent, and recorded. The ${ENDPOINTS} receivers
answer 204 at once from a child process on loopback.

${table(
  ["concurrency", "deliveries", "fan-out (deliveries written/s)", "delivered/s"],
  runs.map((r) => [
    r.concurrency,
    r.deliveries.toLocaleString("en"),
    perSecond(r.deliveries, r.fanOutMs),
    perSecond(r.deliveries, r.deliverMs),
  ]),
)}

What limits it: the embedded store, not the network. A CPU profile of the concurrency-64 run
(\`node --cpu-prof\`, summarised by \`bench/profile-summary.ts\`) spends about a quarter of its
time in the store's \`COMMIT\` (\`synchronous=FULL\`: the fsync runs on the event loop, so
nothing else moves meanwhile) and another sixth re-checking and ordering query results (the due
query, the ordering check); undici's HTTP takes about 3 %, signing under 1 %. Every delivery costs
one commit for its attempt (with its order's wake-up and its endpoint's health) and a share of
its pass's claim commit, so larger passes (more concurrency) help until the commits dominate.
With slow receivers the limit moves: an attempt holds a concurrency slot for its latency (up to
the 15 s timeout), and throughput becomes concurrency / latency.

${await machineReport()}
- load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after
`,
);
