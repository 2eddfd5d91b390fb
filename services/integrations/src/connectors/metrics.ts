import type { Metrics } from "@waybill/observability";

/** Connector figures: documents delivered and attempts failed, per connector. */
export interface ConnectorMetrics {
  delivered(connector: string, latencyMs: number): void;
  failed(connector: string, kind: string): void;
}

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const cache = new WeakMap<Metrics, ConnectorMetrics>();

/** Registered once per registry. */
export function connectorMetrics(metrics: Metrics): ConnectorMetrics {
  const known = cache.get(metrics);
  if (known) return known;
  const delivered = metrics.counter({
    name: "waybill_connector_delivered_total",
    help: "Billing documents delivered to an outside system, per connector.",
    labelNames: ["connector"],
  });
  const failed = metrics.counter({
    name: "waybill_connector_failed_total",
    help: "Failed delivery attempts per connector, by kind (unavailable, rate_limited, parked, later).",
    labelNames: ["connector", "kind"],
  });
  const latency = metrics.histogram({
    name: "waybill_connector_delivery_latency_seconds",
    help: "From reading a document to the outside system holding it.",
    labelNames: ["connector"],
    buckets: LATENCY_BUCKETS,
  });
  const figures: ConnectorMetrics = {
    delivered(connector, latencyMs) {
      delivered.inc({ connector });
      latency.observe({ connector }, latencyMs / 1000);
    },
    failed: (connector, kind) => failed.inc({ connector, kind }),
  };
  cache.set(metrics, figures);
  return figures;
}
