// `npm run bench:connectors`: documents per second each finance connector delivers to its test
// server, and the hub's CPU per delivered document. For each connector: the hub starts with it on,
// the integrations service is stopped (SIGSTOP) while orders are shipped and invoiced, then it is
// let go and the clock runs until the test server holds every invoice. The CPU of every hub
// process over that window (the integrations service reading each document back through the
// gateway and the subgraphs, and delivering it) is divided by the documents delivered.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { waitFor } from "@waybill/devtools";
import { PLACE_ORDER } from "../test/documents/orders.ts";
import { CONNECTOR_TARGETS } from "./lib/connector-targets.ts";
import { startHub } from "./lib/hub.ts";
import { loadAverage, machineReport } from "./lib/machine.ts";
import { cpuMeter } from "./lib/procs.ts";
import { execute } from "./lib/graphql.ts";
import { table, writeSection } from "./lib/results.ts";
import {
  confirmShipment,
  createCustomer,
  createProduct,
  inParallel,
  invoicesIssued,
  orderInput,
  shipmentInput,
} from "./lib/seed.ts";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 300);
const ONLY = process.env.BENCH_CONNECTORS?.split(",").map((name) => name.trim());
const SKUS = ["CB-MUG", "CB-TEE"];

type Row = {
  name: string;
  documents: number;
  seconds: number;
  hubCpu: number;
  integrationsCpu: number;
  gatewayCpu: number;
};

async function measure(target: (typeof CONNECTOR_TARGETS)[number]): Promise<Row> {
  const dir = await mkdtemp(join(tmpdir(), "waybill-bench-connectors-"));
  const server = await target.start(dir, SKUS);
  const hub = await startHub({ ...server.env, CONNECTOR_POLL_MS: "100" });
  try {
    const api = hub.gateway;
    for (const sku of SKUS) await createProduct(api, sku, ORDERS * 10);
    const customerId = await createCustomer(api, "ON_SHIPMENT");
    await server.mapCustomer(customerId);
    const integrations = hub.system.services.integrations;
    integrations.pause();
    await inParallel(
      Array.from({ length: ORDERS }, (_, index) => index),
      8,
      async (index) => {
        const input = orderInput(customerId, SKUS, 2);
        const origin = server.order(index, input.lines);
        const placed = await waitFor(
          async () => {
            const { placeOrder } = await execute(api, PLACE_ORDER, {
              input: { ...input, ...origin },
            });
            return placeOrder.__typename === "UnknownSkuError" ? undefined : placeOrder;
          },
          { description: "orders to know the SKUs", timeoutMs: 60_000, intervalMs: 50 },
        );
        if (placed.__typename !== "Order") throw new Error(`order refused: ${placed.__typename}`);
        const order = { id: placed.id, lineIds: placed.lines.map((line) => line.id) };
        await confirmShipment(
          api,
          shipmentInput(order, 1, `1ZCB${String(index).padStart(8, "0")}`),
        );
        await invoicesIssued(api, order.id, 1);
      },
    );
    const expected = ORDERS * server.perOrder;
    await sleep(500);
    const meter = cpuMeter(hub.processes());
    const started = performance.now();
    integrations.resume();
    await waitFor(() => server.documents() >= expected, {
      description: `${expected} documents in ${target.name}`,
      timeoutMs: Number(process.env.BENCH_TIMEOUT_MS ?? 600_000),
      intervalMs: 20,
    }).catch((error: unknown) => {
      // What the hub logged says why: a connector's failures are warnings.
      console.error(hub.problems.slice(-20).join("\n"));
      throw error;
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = meter();
    const hubCpu = [...cpu]
      .filter(([label]) => label !== "bench (load generator)")
      .reduce((total, [, used]) => total + used, 0);
    if (server.documents() !== expected)
      throw new Error(`${target.name} holds ${server.documents()} documents for ${expected}`);
    return {
      name: target.name,
      documents: expected,
      seconds,
      hubCpu,
      integrationsCpu: cpu.get("integrations") ?? 0,
      gatewayCpu: cpu.get("gateway") ?? 0,
    };
  } finally {
    await hub.stop();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const loadBefore = loadAverage();
const rows: Row[] = [];
for (const target of CONNECTOR_TARGETS) {
  if (ONLY && !ONLY.includes(target.name)) continue;
  rows.push(await measure(target));
  console.log(JSON.stringify(rows.at(-1)));
}

const ms = (seconds: number, documents: number) => ((1000 * seconds) / documents).toFixed(2);
await writeSection(
  "connectors",
  [
    "## Finance connectors: documents per second and the hub's CPU per document",
    "",
    await machineReport(),
    `- load average before: ${loadBefore}; after: ${loadAverage()}`,
    "",
    `\`npm run bench:connectors\` (\`BENCH_ORDERS\`, default 300; \`BENCH_CONNECTORS\` to pick).`,
    "For each connector the whole hub runs with it on against its test server in the benchmark's",
    "process. Orders are shipped and invoiced while the integrations service is stopped; the clock",
    "runs from letting it go until the server holds every document (S/4HANA: a goods issue and a",
    "billing document per order; the others: an invoice). Each document is looked up by our",
    "reference, read back through the gateway as finance, mapped and created: the figures are the",
    "connector's full path, at its configured concurrency, with the test server answering at once.",
    "",
    table(
      [
        "connector",
        "documents",
        "documents/s",
        "hub CPU ms per document",
        "of which integrations",
        "of which gateway",
      ],
      rows.map((row) => [
        row.name,
        row.documents,
        (row.documents / row.seconds).toFixed(0),
        ms(row.hubCpu, row.documents),
        ms(row.integrationsCpu, row.documents),
        ms(row.gatewayCpu, row.documents),
      ]),
    ),
  ].join("\n"),
);
