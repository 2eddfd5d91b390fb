import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { graphqlMetrics } from "../src/metrics/graphql.ts";
import { metricsRoute, observeHttp } from "../src/metrics/http.ts";
import { createMetrics } from "../src/metrics/registry.ts";
import { metricValue, parseMetrics } from "@waybill/devtools";
import type { RequestHandler } from "@waybill/http";

async function serve(handler: RequestHandler): Promise<string> {
  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("metrics registry", () => {
  it("labels every sample with the service and exposes the text format", async () => {
    const metrics = createMetrics({ service: "billing" });
    metrics.counter({ name: "waybill_test_things_total", help: "things" }).inc(2);
    const { contentType, body } = await metrics.scrape();
    expect(contentType).toMatch(/^text\/plain/);
    expect(
      metricValue(parseMetrics(body), "waybill_test_things_total", { service: "billing" }),
    ).toBe(2);
  });

  it("hands back the metric already registered under a name, and refuses names outside waybill_", () => {
    const metrics = createMetrics({ service: "orders" });
    const spec = { name: "waybill_test_calls_total", help: "calls", labelNames: ["kind"] as const };
    expect(metrics.counter(spec)).toBe(metrics.counter(spec));
    expect(() => metrics.gauge({ name: "waybill_test_calls_total", help: "x" })).toThrow(/type/);
    expect(() => metrics.counter({ name: "calls_total", help: "x" })).toThrow(/waybill_/);
  });

  it("adds process and Node.js metrics when asked", async () => {
    const metrics = createMetrics({ service: "gateway", defaultMetrics: true });
    const samples = parseMetrics((await metrics.scrape()).body);
    expect(samples.some((sample) => sample.name === "process_cpu_user_seconds_total")).toBe(true);
    expect(samples.some((sample) => sample.name === "nodejs_eventloop_lag_seconds")).toBe(true);
  });
});

describe("GraphQL request metrics", () => {
  it("counts by operation, type and outcome, keeping client-chosen names to a bounded set", async () => {
    const metrics = createMetrics({ service: "gateway" });
    const graphql = graphqlMetrics(metrics);
    graphql.observe({ name: "Order360", type: "query" }, "ok", 0.02);
    graphql.observe({ name: "Order360", type: "query" }, "error", 0.01);
    graphql.observe({ name: null, type: undefined }, "error", 0.001);
    graphql.observe({ name: "not a name; drop table", type: "query" }, "ok", 0.001);
    for (let i = 0; i < 250; i++) graphql.observe({ name: `Op${i}`, type: "query" }, "ok", 0);
    const samples = parseMetrics((await metrics.scrape()).body);
    const total = "waybill_graphql_requests_total";
    expect(metricValue(samples, total, { operation: "Order360", outcome: "ok" })).toBe(1);
    expect(metricValue(samples, total, { operation: "Order360", outcome: "error" })).toBe(1);
    expect(metricValue(samples, total, { operation: "anonymous", type: "unknown" })).toBe(1);
    const operations = new Set(
      samples.filter((s) => s.name === total).map((s) => s.labels.operation),
    );
    expect(operations.size).toBeLessThanOrEqual(202); // 200 names, "anonymous", "other"
    expect(metricValue(samples, total, { operation: "other" })).toBeGreaterThan(1);
    expect(metricValue(samples, "waybill_graphql_request_duration_seconds_count")).toBe(254);
  });
});

describe("HTTP metrics and the /metrics route", () => {
  it("times requests by known route, method and status class, and serves the registry", async () => {
    const metrics = createMetrics({ service: "shipments" });
    const route = metricsRoute(metrics);
    const origin = await serve(
      observeHttp(metrics, ["/graphql", "/metrics"], (req, res) => {
        if (req.url === "/metrics") return route(req, res);
        res.writeHead(req.url === "/graphql" ? 200 : 404);
        res.end();
      }),
    );
    await fetch(`${origin}/graphql`, { method: "POST" });
    await fetch(`${origin}/wp-admin/../etc/passwd`);
    const text = await (await fetch(`${origin}/metrics`)).text();
    const samples = parseMetrics(text);
    const count = "waybill_http_request_duration_seconds_count";
    expect(metricValue(samples, count, { route: "/graphql", method: "POST", code: "2xx" })).toBe(1);
    expect(metricValue(samples, count, { route: "other", method: "GET", code: "4xx" })).toBe(1);
    expect((await fetch(`${origin}/metrics`, { method: "POST" })).status).toBe(405);
  });
});
