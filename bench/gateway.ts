// `npm run bench:gateway`: our gateway against Hive Gateway over the same running subgraphs.
import { availableParallelism } from "node:os";
import { isDeepStrictEqual } from "node:util";
import { print } from "graphql";
import { CUSTOMER_ORDERS, ORDER_360 } from "../test/documents/order-360.ts";
import { PLACE_ORDER } from "../test/documents/orders.ts";
import { openBroker } from "./lib/bus.ts";
import { post, type Endpoint } from "./lib/graphql.ts";
import { startHiveGateway } from "./lib/hive.ts";
import { startHub } from "./lib/hub.ts";
import { load, type LoadResult } from "./lib/load.ts";
import { loadAverage, machineReport } from "./lib/machine.ts";
import { cpuMeter, rssMiB, type Watched } from "./lib/procs.ts";
import { table, writeSection } from "./lib/results.ts";
import { createCustomer, createProduct, orderInput, seedReadModel } from "./lib/seed.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const LIST_SIZE = 50;
/** "ours" or "Hive" to load one gateway only (A/B of a gateway change); both by default. */
const ONLY = process.env.BENCH_ONLY;
const ORDERS_360 = Number(process.env.BENCH_ORDERS_360 ?? 20);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10);

/** Each request takes the next item of `pool`, so concurrent requests differ as real traffic does. */
const cycle = <T>(pool: T[], make: (item: T) => Record<string, unknown>) => {
  let next = 0;
  return () => make(pool[next++ % pool.length] as T);
};

interface Operation {
  name: string;
  /** The document's text, printed once: every request of the load carries it. */
  query: string;
  variables: (run: string) => Record<string, unknown> | (() => Record<string, unknown>);
  mutation: boolean;
}

interface Run {
  operation: string;
  gateway: "ours" | "Hive";
  round: number;
  result: LoadResult;
  gatewayCpuMsPerRequest: number;
  totalCpuMsPerRequest: number;
  gatewayRssMiB: number;
}

/** `value` with object keys sorted and the `drop` keys left out, for comparing answers. */
const sortKeys = (value: unknown, drop: string[] = []): unknown =>
  Array.isArray(value)
    ? value.map((item) => sortKeys(item, drop))
    : value !== null && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => !drop.includes(k))
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sortKeys(v, drop)]),
        )
      : value;

const ms = (value: number) => value.toFixed(1);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const medianOrNaN = (values: number[]) => (values.length ? median(values) : Number.NaN);

const loadBefore = loadAverage();
const hub = await startHub();
const hive = await startHiveGateway(hub.subgraphUrls, hub.system.signingKeyFile);
const broker = await openBroker(hub.system.natsUrl);
const runs: Run[] = [];
try {
  console.log("seeding through our gateway…");
  const seed = await seedReadModel(hub.gateway, {
    orders360: ORDERS_360,
    customers: CUSTOMERS,
    listSize: LIST_SIZE,
  });
  const mutationCustomer = await createCustomer(hub.gateway);
  const skus = Array.from({ length: ROUNDS * 2 }, (_, i) => `BENCH-MUT-${i}`);
  for (const sku of skus) await createProduct(hub.gateway, sku, 900_000);

  const operations: Operation[] = [
    {
      name: "order 360 (5 subgraphs)",
      query: print(ORDER_360),
      variables: () => cycle(seed.orderIds, (id) => ({ id })),
      mutation: false,
    },
    {
      name: `customer's ${LIST_SIZE} orders + shipments + invoices`,
      query: print(CUSTOMER_ORDERS),
      variables: () => cycle(seed.customerIds, (customerId) => ({ customerId, first: LIST_SIZE })),
      mutation: false,
    },
    {
      name: "placeOrder mutation (+ product join)",
      query: print(PLACE_ORDER),
      variables: (sku) => () => ({ input: orderInput(mutationCustomer, [sku], 1) }),
      mutation: true,
    },
  ];
  // Ours authenticates every request (API key); Hive serves anyone, as it is configured here.
  const gateways: Record<"ours" | "Hive", Endpoint> = {
    ours: hub.gateway,
    Hive: { url: hive.url, headers: {} },
  };

  // Both gateways must give the same answers before their speed means anything.
  await broker.drained(60_000);
  for (const operation of operations) {
    const variables = operation.variables(skus[0] ?? "");
    const vars = typeof variables === "function" ? variables() : variables;
    const [ours, theirs] = await Promise.all(
      [gateways.ours, gateways.Hive].map((endpoint) => post(endpoint, operation.query, vars)),
    );
    if (ours?.errors || theirs?.errors || !ours?.data)
      throw new Error(
        `${operation.name}: errors ${JSON.stringify([ours?.errors, theirs?.errors])}`,
      );
    // Two placed orders differ only in their ids and in the stock left after each.
    const comparable = (data: unknown) =>
      operation.mutation ? sortKeys(data, ["id", "available"]) : sortKeys(data);
    const same = isDeepStrictEqual(comparable(ours.data), comparable(theirs?.data));
    if (!same) throw new Error(`${operation.name}: the gateways answer differently`);
  }
  console.log("both gateways give the same answers");

  let skuIndex = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const order = (
      round % 2 === 1 ? (["ours", "Hive"] as const) : (["Hive", "ours"] as const)
    ).filter((gateway) => !ONLY || gateway === ONLY);
    for (const operation of operations) {
      for (const gateway of order) {
        const sku = skus[skuIndex++ % skus.length] ?? "";
        await broker.drained(120_000);
        const common = {
          endpoint: gateways[gateway],
          query: operation.query,
          variables: operation.variables(sku),
          connections: CONNECTIONS,
        };
        await load({ ...common, durationSeconds: WARMUP });
        if (operation.mutation) await broker.drained(120_000);
        const watched: Watched[] = [
          ...hub.processes().filter((w) => w.label !== "gateway"),
          {
            label: "gateway",
            pid:
              gateway === "ours"
                ? (hub.processes().find((w) => w.label === "gateway")?.pid ?? 0)
                : hive.pid,
          },
        ];
        const meter = cpuMeter(watched);
        const result = await load({ ...common, durationSeconds: DURATION });
        const cpu = meter();
        const gatewayPid = watched.find((w) => w.label === "gateway")?.pid ?? 0;
        const total = [...cpu.values()].reduce((sum, value) => sum + value, 0);
        const run: Run = {
          operation: operation.name,
          gateway,
          round,
          result,
          gatewayCpuMsPerRequest: ((cpu.get("gateway") ?? 0) * 1000) / Math.max(result.requests, 1),
          totalCpuMsPerRequest: (total * 1000) / Math.max(result.requests, 1),
          gatewayRssMiB: rssMiB(gatewayPid),
        };
        runs.push(run);
        const perProcess = [...cpu]
          .map(
            ([label, seconds]) =>
              `${label} ${((seconds * 1000) / Math.max(result.requests, 1)).toFixed(2)}`,
          )
          .join(", ");
        console.log(
          `round ${round} ${operation.name} ${gateway}: ${result.rps.toFixed(0)} rps p50 ${result.p50} p99 ${result.p99} failures ${result.failures}${result.firstFailure ? ` (${result.firstFailure})` : ""}; CPU ms/request: ${perProcess}`,
        );
      }
    }
  }
  await broker.drained(120_000);

  const rows = runs.map((run) => [
    run.operation,
    run.gateway,
    run.round,
    run.result.rps.toFixed(0),
    ms(run.result.p50),
    ms(run.result.p90),
    ms(run.result.p99),
    run.result.failures,
    run.gatewayCpuMsPerRequest.toFixed(2),
    run.totalCpuMsPerRequest.toFixed(2),
    run.gatewayRssMiB.toFixed(0),
  ]);
  const ratios = operations.map((operation) => {
    const pick = (gateway: "ours" | "Hive", field: (run: Run) => number) =>
      medianOrNaN(
        runs.filter((r) => r.operation === operation.name && r.gateway === gateway).map(field),
      );
    const rps = (g: "ours" | "Hive") => pick(g, (r) => r.result.rps);
    const p99 = (g: "ours" | "Hive") => pick(g, (r) => r.result.p99);
    const cpu = (g: "ours" | "Hive") => pick(g, (r) => r.gatewayCpuMsPerRequest);
    return [
      operation.name,
      rps("ours").toFixed(0),
      rps("Hive").toFixed(0),
      `**${(rps("ours") / rps("Hive")).toFixed(2)}**`,
      `${ms(p99("ours"))} / ${ms(p99("Hive"))}`,
      `${cpu("ours").toFixed(2)} / ${cpu("Hive").toFixed(2)}`,
    ];
  });
  const body = `## Gateway: ours (Apollo Server 5 + @apollo/gateway 2) against Hive Gateway

${await machineReport()}
- load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after
- command: \`npm run bench:gateway\` (BENCH_CONNECTIONS=${CONNECTIONS} BENCH_DURATION=${DURATION} BENCH_WARMUP=${WARMUP} BENCH_ROUNDS=${ROUNDS})

Setup: nats-server, the five subgraphs and our gateway as separate processes (\`scripts/system.ts\`),
Hive Gateway (\`bench/hive-gateway.ts\`, \`@graphql-hive/gateway-runtime\` over the same
\`schema/supergraph.graphql\` with the subgraph URLs overridden) beside it. Data seeded through the
public API. Our gateway authenticates every request (an API-key lookup in its store) while Hive is
left open, so ours does strictly more work per request; both sign each subgraph call (HMAC with an
admin principal), as the subgraphs require. For each operation the two gateways are loaded in
turn by autocannon in this process (${CONNECTIONS} connections, ${WARMUP} s warm-up, then ${DURATION} s measured), odd rounds ours first, even rounds
Hive first; both answers are checked equal first, and every response body is checked for GraphQL
errors. The mutation places a new order each time (own SKU per run); the event consumers are left
to drain before each run. Everything shares the machine's ${availableParallelism()} cores, so a gateway that uses less CPU
leaves more to the subgraphs: "gateway CPU ms/req" is the gateway process's own CPU time per request,
"all CPU ms/req" adds every process including autocannon.

Medians over the rounds:

${table(["operation", "ours RPS", "Hive RPS", "ours / Hive", "p99 ms ours / Hive", "gateway CPU ms/req ours / Hive"], ratios)}

Every run:

${table(["operation", "gateway", "round", "RPS", "p50 ms", "p90 ms", "p99 ms", "failures", "gateway CPU ms/req", "all CPU ms/req", "gateway RSS MiB"], rows)}
`;
  // A one-gateway run (A/B of a gateway change) is printed, not recorded as the comparison.
  if (ONLY) console.log(body);
  else await writeSection("gateway", body);
  if (hub.problems.length)
    console.log(`process warnings (first 5):\n${hub.problems.slice(0, 5).join("\n")}`);
} finally {
  await broker.close();
  await hive.stop();
  await hub.stop();
}
