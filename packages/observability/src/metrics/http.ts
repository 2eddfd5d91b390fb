import type { RequestHandler } from "@waybill/http";
import { LATENCY_BUCKETS, type Metrics } from "./registry.ts";

/** The path of `/metrics`, served by every process. */
export const METRICS_PATH = "/metrics";

/**
 * Records each request's duration by route, method and status class. A route ending in `*` stands
 * for every path it prefixes (`/webhooks/*`). Paths outside `routes` are counted as `other`, so
 * that scanners cannot grow the label set.
 */
export function observeHttp(
  metrics: Metrics,
  routes: readonly string[],
  handler: RequestHandler,
): RequestHandler {
  const known = new Set(routes.filter((route) => !route.endsWith("*")));
  const prefixes = routes.filter((route) => route.endsWith("*"));
  const routeOf = (path: string) =>
    known.has(path)
      ? path
      : (prefixes.find((prefix) => path.startsWith(prefix.slice(0, -1))) ?? "other");
  const duration = metrics.histogram({
    name: "waybill_http_request_duration_seconds",
    help: "HTTP requests by route, method and status class; _count is the request rate.",
    labelNames: ["route", "method", "code"],
    buckets: LATENCY_BUCKETS,
  });
  return (req, res) => {
    const started = performance.now();
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    res.once("close", () => {
      duration.observe(
        {
          route: routeOf(path),
          method: req.method === "GET" || req.method === "POST" ? req.method : "other",
          code: res.writableFinished ? `${Math.floor(res.statusCode / 100)}xx` : "aborted",
        },
        (performance.now() - started) / 1000,
      );
    });
    return handler(req, res);
  };
}

/** `GET /metrics`: the registry in the Prometheus text format. */
export function metricsRoute(metrics: Metrics): RequestHandler {
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET" });
      return void res.end();
    }
    const { contentType, body } = await metrics.scrape();
    res.writeHead(200, { "content-type": contentType });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
