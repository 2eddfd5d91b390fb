// `npm run bench:subscriptions`: milestone events delivered per second to 1,000 graphql-ws
// subscribers selecting federated entity fields, with one shared principal and with principals of
// their own; the same with ids only; and the gateway's memory per idle subscription. Milestones
// are recorded through the gateway; the subscribers run in a child process.
import { setTimeout as sleep } from "node:timers/promises";
import { startHub } from "./lib/hub.ts";
import { loadAverage } from "./lib/machine.ts";
import { apiKey, milestoneWorld, recordNow } from "./lib/milestone-world.ts";
import { memoryAfterGc } from "./lib/inspect-memory.ts";
import { cpuMeter } from "./lib/procs.ts";
import { writeSection } from "./lib/results.ts";
import { inParallel } from "./lib/seed.ts";
import { startSubscriberPool } from "./lib/subscriber-pool.ts";
import { subscriptionsReport, type Measured, type Row } from "./lib/subscriptions-report.ts";

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 1000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const EVENTS = Number(process.env.EVENTS ?? 100);
const SEND_CONCURRENCY = Number(process.env.SEND_CONCURRENCY ?? 4);
// The paced row: a milestone every 1000 / PACED_RATE ms, below what the gateway delivers to all.
const PACED_RATE = Number(process.env.PACED_RATE ?? 2);
const PACED_EVENTS = Number(process.env.PACED_EVENTS ?? 20);
const IDLE = (process.env.IDLE_SUBSCRIBERS ?? "1000,5000").split(",").map(Number);
const PER_IDLE_CONNECTION = 100;
const PRINCIPALS = 10;
const SHIPMENTS_PER_CUSTOMER = 2;

const FEDERATED = `subscription { shipmentMilestones { cursor type occurredAt shipment { id status
  order { id lines { quantity product { name } } } invoice { number } } } }`;
const IDS_ONLY = `subscription { shipmentMilestones { cursor type occurredAt shipmentId status } }`;

const loadBefore = loadAverage();
const hub = await startHub();
const api = hub.gateway;
const pool = startSubscriberPool();
const gatewayPid = hub.processes().find((watched) => watched.label === "gateway")?.pid ?? 0;
const world = await milestoneWorld(api, PRINCIPALS, SHIPMENTS_PER_CUSTOMER);
const agent = await apiKey(api, { role: "AGENT" });
const partners = await inParallel(world.customerIds, 4, () =>
  apiKey(api, { role: "PARTNER", accounts: world.customerIds }),
);
const customers = await inParallel(world.customerIds, 4, (customerId) =>
  apiKey(api, { role: "CUSTOMER", customerId }),
);
let next = 0;
const nextShipment = () => world.shipmentIds[next++ % world.shipmentIds.length] ?? "";

/** Records milestones until every open subscription has received one, then lets them settle. */
async function warmUp(): Promise<void> {
  const deadline = Date.now() + 60_000;
  let status = await pool.status();
  while (status.fewest < 1) {
    if (Date.now() > deadline) throw new Error(`subscriptions not live: ${JSON.stringify(status)}`);
    // One milestone of each customer, so that customers' subscriptions hear one too.
    for (let c = 0; c < PRINCIPALS; c += 1)
      await recordNow(api, world.shipmentIds[c * SHIPMENTS_PER_CUSTOMER] ?? "");
    await sleep(500);
    status = await pool.status();
  }
  let settled = status.deliveries;
  for (;;) {
    await sleep(500);
    const now = (await pool.status()).deliveries;
    if (now === settled) break;
    settled = now;
  }
  await pool.reset();
}

/** Connections, each with a credential, spread over `credentials` in turn. */
const spread = (credentials: string[], connections: number) =>
  Array.from({ length: connections }, (_, index) => credentials[index % credentials.length] ?? "");

async function throughput(row: Row): Promise<Measured> {
  await pool.open({
    url: hub.system.gatewayUrl,
    connections: spread(row.credentials, CONNECTIONS),
    perConnection: Math.round(SUBSCRIBERS / CONNECTIONS),
    query: row.query,
  });
  await warmUp();
  const cpu = cpuMeter([...hub.processes(), { label: "subscribers", pid: pool.pid }]);
  const started = Date.now();
  const events = row.paced ? PACED_EVENTS : EVENTS;
  if (row.paced)
    for (let index = 0; index < events; index += 1) {
      await recordNow(api, nextShipment());
      await sleep(started + ((index + 1) * 1000) / PACED_RATE - Date.now());
    }
  else
    await inParallel(Array.from({ length: events }), SEND_CONCURRENCY, () =>
      recordNow(api, nextShipment()),
    );
  const sentSeconds = (Date.now() - started) / 1000;
  const expected = events * row.perEvent;
  await pool
    .until((t) => t.deliveries >= expected, 240_000, `${expected} deliveries`)
    .catch((error: unknown) => console.error(String(error)));
  const used = cpu();
  const tally = await pool.reset();
  const seconds = (tally.lastReceivedAt - started) / 1000;
  await pool.close();
  console.log(`${row.label}: ${tally.deliveries} deliveries in ${seconds.toFixed(1)} s`);
  return {
    ...row,
    subscriptions: tally.subscriptions,
    connections: CONNECTIONS,
    events,
    expected,
    tally,
    seconds,
    sentSeconds,
    cpu: used,
  };
}

/** The gateway's memory once its shared entity reads have expired, after a full collection. */
async function gatewayMemory(subscriptions: number, connections: number) {
  await sleep(6_000); // past the 5 s an entity read is kept for sharing
  return { subscriptions, connections, ...(await memoryAfterGc(gatewayPid)) };
}

// Memory first, on a gateway that has served one subscription and event (its plans are cached).
const url = hub.system.gatewayUrl;
await pool.open({ url, connections: [agent], perConnection: 1, query: FEDERATED });
await warmUp();
await pool.close();
const memory = [await gatewayMemory(0, 0)];
for (const count of IDLE) {
  const before = memory.at(-1) ?? { subscriptions: 0, connections: 0 };
  const more = Math.max(1, Math.round((count - before.subscriptions) / PER_IDLE_CONNECTION));
  await pool.open({
    url,
    connections: spread([agent], more),
    perConnection: Math.round((count - before.subscriptions) / more),
    query: FEDERATED,
  });
  await warmUp();
  memory.push(await gatewayMemory(count, before.connections + more));
}
await pool.close();

const all = SUBSCRIBERS;
const rows: Measured[] = [];
for (const row of [
  { label: "one agent, federated", credentials: [agent], query: FEDERATED, perEvent: all },
  { label: "10 partners, federated", credentials: partners, query: FEDERATED, perEvent: all },
  {
    label: "10 customers, federated",
    credentials: customers,
    query: FEDERATED,
    perEvent: all / 10,
  },
  { label: "one agent, ids only", credentials: [agent], query: IDS_ONLY, perEvent: all },
  {
    label: "one agent, federated, paced",
    credentials: [agent],
    query: FEDERATED,
    perEvent: all,
    paced: true,
  },
] satisfies Row[])
  rows.push(await throughput(row));
pool.stop();
// The inspector announces itself when memory is read; that is ours, not the hub's.
const problems = hub.problems.filter((line) => !/Debugger|debugging/.test(line));
await hub.stop();
await writeSection(
  "subscriptions",
  await subscriptionsReport({
    rows,
    memory,
    problems,
    loadBefore,
    settings: {
      sendConcurrency: SEND_CONCURRENCY,
      pacedRate: PACED_RATE,
      shipments: world.shipmentIds.length,
      perConnection: Math.round(SUBSCRIBERS / CONNECTIONS),
    },
  }),
);
