// `npm run bench:roundtrips`: store round-trips per GraphQL operation for lists of 1, 10 and 100.
// Everything runs in this process (services through `runService`, our gateway through
// `createGateway`), so each store operation is charged to the request's correlation id.
import { randomUUID } from "node:crypto";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  CUSTOMER_ORDERS,
  ORDER_360,
  ORDERS_ACROSS_SUBGRAPHS,
} from "../test/documents/order-360.ts";
import { CUSTOMER_ORDER_PAGE, PLACE_ORDER } from "../test/documents/orders.ts";
import { openBroker } from "./lib/bus.ts";
import { execute } from "./lib/graphql.ts";
import { startInProcess } from "./lib/inprocess.ts";
import { loadAverage, machineReport } from "./lib/machine.ts";
import { table, writeSection } from "./lib/results.ts";
import { RoundTripCounter, SPLIT_PREFIX, type RoundTrips } from "./lib/roundtrip-counter.ts";
import {
  confirmShipment,
  createCustomer,
  createProduct,
  customerWithOrders,
  inParallel,
  invoicesIssued,
  orderInput,
  placeOrder,
  shipmentInput,
} from "./lib/seed.ts";

/** Comma-separated numbers from the environment; smaller ones make a quick smoke run. */
const numbers = (name: string, fallback: number[]) =>
  process.env[name]?.split(",").map(Number) ?? fallback;
const SIZES = numbers("BENCH_SIZES", [1, 10, 100]);
const SERVICES = ["orders", "shipments", "inventory", "billing", "returns"];
/** Sizes of a customer's history for timing the first page of its orders. */
const HISTORY = numbers("BENCH_HISTORY", [10, 1_000]);

interface Measured {
  operation: string;
  size: number;
  items: number;
  trips: RoundTrips;
}

const loadBefore = loadAverage();
const hub = await startInProcess();
const counter = new RoundTripCounter();
for (const [name, service] of Object.entries(hub.services))
  counter.watch(name, service.runtime.store);
const broker = await openBroker(hub.natsUrl);
const api = hub.gateway;

/** Runs `document` three times and keeps the last (warm) count; the counts must agree. */
async function measure<R, V>(
  operation: string,
  size: number,
  document: TypedDocumentNode<R, V>,
  variables: NoInfer<V>,
  items: (data: R) => number,
): Promise<Measured> {
  let last: Measured | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = `rt-${randomUUID()}`;
    const data = await execute(api, document, variables, { "x-correlation-id": id });
    const trips = counter.of(id);
    const total = [...trips.byService.values()].reduce((a, b) => a + b, 0);
    const previous = last && [...last.trips.byService.values()].reduce((a, b) => a + b, 0);
    if (previous !== undefined && previous !== total)
      console.warn(`${operation} (${size}): ${previous} then ${total} round-trips`);
    last = { operation, size, items: items(data), trips };
  }
  return last as Measured;
}

const results: Measured[] = [];
try {
  const skus = Array.from(
    { length: Math.max(...SIZES) },
    (_, i) => `RT-${String(i).padStart(3, "0")}`,
  );
  console.log(`seeding ${skus.length} products, customers with ${SIZES.join("/")} orders…`);
  await inParallel(skus, 8, (sku) => createProduct(api, sku, 100_000));
  const customers = new Map<number, string>();
  const orders = new Map<number, string>();
  for (const size of SIZES) {
    customers.set(size, (await customerWithOrders(api, skus.slice(0, 2), size)).customerId);
    // An order of `size` lines, one product each, shipped whole in one shipment and invoiced.
    const customerId = await createCustomer(api);
    const order = await placeOrder(api, customerId, skus.slice(0, size), 1);
    await confirmShipment(api, shipmentInput(order, 1, `1ZRT${size}`));
    await invoicesIssued(api, order.id, 1);
    orders.set(size, order.id);
  }
  await broker.drained(120_000);

  for (const size of SIZES) {
    const customerId = customers.get(size) ?? "";
    results.push(
      await measure(
        "customer's orders with shipments and invoices (gateway bench query)",
        size,
        CUSTOMER_ORDERS,
        { customerId, first: size },
        (d) => d.orders.edges.length,
      ),
      await measure(
        "customer's orders joined across all five subgraphs",
        size,
        ORDERS_ACROSS_SUBGRAPHS,
        { customerId, first: size },
        (d) => d.orders.edges.length,
      ),
      await measure(
        "order 360 of an order with N lines",
        size,
        ORDER_360,
        { id: orders.get(size) ?? "" },
        (d) => {
          if (!d.order) throw new Error(`no order ${orders.get(size) ?? ""}`);
          return d.order.lines.length;
        },
      ),
    );
  }
  // A write, for comparison: the request's own operations, then those of the events it causes.
  const writer = await createCustomer(api);
  for (const size of SIZES) {
    const id = `${SPLIT_PREFIX}${randomUUID()}`;
    await execute(
      api,
      PLACE_ORDER,
      { input: orderInput(writer, skus.slice(0, size), 1) },
      { "x-correlation-id": id },
    );
    await broker.drained(60_000);
    results.push(
      { operation: "placeOrder of N lines: the request", size, items: size, trips: counter.of(id) },
      {
        operation: "placeOrder of N lines: the events it causes, in every consumer",
        size,
        items: size,
        trips: counter.of(id, "events"),
      },
    );
  }

  // Round-trips stay constant, but a sorted, limited find still reads every match: time the first
  // page of a customer's orders while the customer's history grows.
  const history: (string | number)[][] = [];
  for (const total of HISTORY) {
    const customerId = await createCustomer(api);
    await inParallel(Array.from({ length: total }), 8, () =>
      placeOrder(api, customerId, skus.slice(0, 1), 1),
    );
    await broker.drained(120_000);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      await execute(api, CUSTOMER_ORDER_PAGE, { customerId });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    history.push([total, (times[15] ?? 0).toFixed(1), (times[28] ?? 0).toFixed(1)]);
  }

  const operations = [...new Set(results.map((r) => r.operation))];
  const rows = results.map((r) => [
    r.operation,
    r.size,
    r.items,
    ...SERVICES.map((s) => r.trips.byService.get(s) ?? 0),
    [...r.trips.byService.values()].reduce((a, b) => a + b, 0),
  ]);
  const verdicts = operations.map((operation) => {
    const runs = results.filter((r) => r.operation === operation);
    const growing = SERVICES.filter((s) => {
      const counts = runs.map((r) => r.trips.byService.get(s) ?? 0);
      return counts.some((count) => count !== counts[0]);
    });
    if (growing.length === 0) return `- ${operation}: **constant** in list size.`;
    const first = runs[0];
    const lastRun = runs.at(-1);
    const calls = [...(lastRun?.trips.byCall ?? new Map<string, number>())]
      .filter(([key, count]) => count > (first?.trips.byCall.get(key) ?? 0))
      .map(([key, count]) => `\`${key}\` ${first?.trips.byCall.get(key) ?? 0} → ${count}`);
    return `- ${operation}: **grows** with N in ${growing.join(", ")}: ${calls.join(", ")}.`;
  });
  const detail = results
    .filter((r) => r.size === Math.max(...SIZES))
    .map(
      (r) =>
        `- ${r.operation} (N = ${r.size}): ${[...r.trips.byCall]
          .sort()
          .map(([key, count]) => `\`${key}\` ×${count}`)
          .join(", ")}`,
    );
  const body = `## Store round-trips per operation

${await machineReport()}
- load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after (counts do not depend on load)
- command: \`npm run bench:roundtrips\` (BENCH_SIZES=${SIZES.join(",")} BENCH_HISTORY=${HISTORY.join(",")})

The five services run in the benchmark's process exactly as their \`main.ts\` runs them
(\`runService\`), with our gateway (\`createGateway\`) in front, nats-server beside. Each service
store's \`metrics.operations\` counter is watched (not the gateway's, whose API-key lookup every
request also costs), and every operation is charged to the correlation id of
the request it belongs to (the gateway forwards \`x-correlation-id\` to every subgraph call; event
handlers run under the id of the request that caused the event). No production code is changed.
Every query is sent three times; the table shows the third (the counts were equal each time unless
a warning was printed). N is the list size; "items" is the length of the list returned.

${table(["operation", "N", "items", ...SERVICES, "total"], rows)}

${verdicts.join("\n")}

The first page of a customer's orders (\`orders(customerId:, first: 10)\`, one store round-trip)
as the customer's history grows, in-process, 30 requests each:

${table(["customer's orders", "p50 ms", "p95 ms"], history)}

Operations by collection and method at N = ${Math.max(...SIZES)} (\`service collection.method\` ×count):

${detail.join("\n")}
`;
  await writeSection("roundtrips", body);
} finally {
  await broker.close();
  await hub.stop();
}
