import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricValue, type Sample, scrapeMetrics, waitFor } from "@waybill/devtools";
import { TRACEPARENT_HEADER } from "@waybill/observability";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { CONFIRM_SHIPMENT } from "../documents/shipments.ts";
import { execute, request } from "../support/graphql.ts";
import { placeDemoOrder } from "../support/orders.ts";
import { confirmWhenKnown } from "../support/shipments.ts";
import { startCollector, type CollectedSpan } from "../support/otlp.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let collector: Awaited<ReturnType<typeof startCollector>>;

beforeAll(async () => {
  collector = await startCollector();
  system = await startTestSystem({
    OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    OTEL_BSP_SCHEDULE_DELAY: "200",
    METRICS_SAMPLE_MS: "250",
  });
  const lamp = { sku: "LAMP-1", name: "Lamp", warehouse: "AMS1", quantity: 100 };
  await execute(system.gatewayUrl, CREATE_PRODUCT, lamp);
});

afterAll(async () => {
  await system?.dispose();
  await collector?.close();
});

const origin = (url: string) => new URL(url).origin;
const scrape = (name: keyof TestSystem["services"] | "gateway") =>
  scrapeMetrics(origin(name === "gateway" ? system.gatewayUrl : system.services[name].url));

async function shipOne(headers: Record<string, string> = {}) {
  const {
    orderId,
    lineIds: [lineId = ""],
  } = await placeDemoOrder(system.gatewayUrl, [
    { sku: "LAMP-1", quantity: 2, unitPrice: "30.00", taxRate: "20" },
  ]);
  const input = {
    orderId,
    lines: [{ lineId, quantity: 2 }],
    warehouse: "AMS1",
    carrier: "UPS",
    service: "Standard",
    trackingNumber: `1Z${randomBytes(6).toString("hex")}`,
    shippedAt: new Date().toISOString(),
    shippingCharge: "4.95",
  };
  if (!Object.keys(headers).length) return confirmWhenKnown(system.gatewayUrl, input);
  return waitFor(
    async () => {
      const { data } = await request(system.gatewayUrl, CONFIRM_SHIPMENT, { input }, headers);
      const result = data?.confirmShipment;
      return result?.__typename === "Shipment" ? result : undefined;
    },
    { description: "shipments to know the order", timeoutMs: 30_000, intervalMs: 100 },
  );
}

describe("metrics on every process", () => {
  it("moves request, event and billing figures when a shipment is confirmed through the gateway", async () => {
    const before = {
      gateway: await scrape("gateway"),
      shipments: await scrape("shipments"),
      billing: await scrape("billing"),
    };
    const confirmOk = { operation: "ConfirmShipment", type: "mutation", outcome: "ok" };
    const latencyCount = "waybill_billing_invoice_latency_seconds_count";

    expect((await shipOne()).__typename).toBe("Shipment");

    const billing = await waitFor(
      async () => {
        const now = await scrape("billing");
        return metricValue(now, latencyCount) > metricValue(before.billing, latencyCount) && now;
      },
      { description: "billing to observe the invoice's latency after shipment" },
    );
    const grew = (after: Sample[], earlier: Sample[], name: string, labels = {}) =>
      metricValue(after, name, labels) - metricValue(earlier, name, labels);
    expect(grew(billing, before.billing, "waybill_billing_invoices_issued_total")).toBe(1);
    expect(
      grew(billing, before.billing, "waybill_billing_invoices_touchless_total", {
        policy: "ON_SHIPMENT",
      }),
    ).toBe(1);
    expect(
      grew(billing, before.billing, "waybill_consumer_events_total", {
        stream: "shipments",
        outcome: "handled",
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      metricValue(billing, "waybill_consumer_handling_latency_seconds_count", {
        type: "shipments.shipment.confirmed",
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(metricValue(billing, "waybill_billing_invoice_holds_total")).toBe(0);

    const gateway = await scrape("gateway");
    expect(
      grew(gateway, before.gateway, "waybill_graphql_requests_total", confirmOk),
    ).toBeGreaterThanOrEqual(1);
    // The subgraph counts the gateway's fetch, named after the client's operation.
    const shipments = await scrape("shipments");
    const fetched = { type: "mutation", outcome: "ok" };
    expect(
      grew(shipments, before.shipments, "waybill_graphql_requests_total", fetched),
    ).toBeGreaterThanOrEqual(1);
    expect(
      grew(gateway, before.gateway, "waybill_http_request_duration_seconds_count", {
        route: "/graphql",
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("exposes lag, backlog, exceptions and Node figures on each service, and request figures on each process", async () => {
    for (const name of ["orders", "shipments", "inventory", "billing", "returns"] as const) {
      const samples = await waitFor(
        async () => {
          const now = await scrape(name);
          return now.some((s) => s.name === "waybill_consumer_pending_messages") && now;
        },
        { description: `${name} to sample its consumers` },
      );
      const families = new Set(samples.map((sample) => sample.name));
      for (const family of [
        "waybill_consumer_pending_messages",
        "waybill_consumer_ack_pending_messages",
        "waybill_consumer_events_total",
        "waybill_outbox_backlog",
        "waybill_outbox_oldest_age_seconds",
        "waybill_exceptions_open",
        "waybill_exceptions_oldest_age_seconds",
        "process_cpu_user_seconds_total",
      ])
        expect(families, `${name} exposes ${family}`).toContain(family);
      expect(samples.every((sample) => sample.labels.service === name)).toBe(true);
    }
    const gateway = await scrape("gateway");
    expect(gateway.some((s) => s.name === "nodejs_eventloop_lag_seconds")).toBe(true);
    expect(gateway.every((s) => s.labels.service === "gateway")).toBe(true);
  });
});

describe("traces across processes", () => {
  it("follows one trace from the gateway through shipments and its outbox to billing's consumer", async () => {
    const traceId = randomBytes(16).toString("hex");
    const clientSpanId = randomBytes(8).toString("hex");
    await shipOne({ [TRACEPARENT_HEADER]: `00-${traceId}-${clientSpanId}-01` });

    const find = (spans: CollectedSpan[], service: string, name: string) =>
      spans.find((span) => span.service === service && span.name === name);
    /**
     * From billing's consumer span up through its ancestors, once every one has arrived, and
     * shipments' publish span with them (each process exports its spans in its own batches).
     */
    const ancestry = () => {
      const spans = collector.trace(traceId);
      if (!find(spans, "shipments", "publish shipments.shipment.confirmed")) return undefined;
      const byId = new Map(spans.map((span) => [span.spanId, span]));
      const path: string[] = [];
      let span = find(spans, "billing", "process shipments.shipment.confirmed");
      for (; span?.parentSpanId; span = byId.get(span.parentSpanId)) {
        path.push(`${span.service}: ${span.name}`);
        if (span.parentSpanId === clientSpanId) return { spans, path };
      }
      return undefined; // some span of the chain has not been exported yet
    };
    const { spans, path } = await waitFor(ancestry, {
      description: "the chain from the client's span to billing's consumer span",
    });
    expect(path[0]).toBe("billing: process shipments.shipment.confirmed");
    expect(path).toContain("shipments: POST /graphql");
    expect(path).toContain("gateway: gateway.fetch");
    expect(path.at(-1)).toBe("gateway: POST /graphql");
    expect(find(spans, "shipments", "publish shipments.shipment.confirmed")?.traceId).toBe(traceId);
  });
});
