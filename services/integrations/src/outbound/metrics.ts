import type { Metrics } from "@waybill/observability";

/** Up to the ~15 s timeout. */
const LATENCY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

export type AttemptOutcome = "delivered" | "failed" | "exhausted" | "gone" | "refused";

/** Outbound webhook figures: attempts by outcome, their latency, endpoints disabled. */
export interface OutboundMetrics {
  attempted(outcome: AttemptOutcome, latencyMs: number): void;
  disabled(reason: string): void;
}

const cache = new WeakMap<Metrics, OutboundMetrics>();

/** Registered once per registry, every outcome at 0. */
export function outboundMetrics(metrics: Metrics, countDisabled: () => Promise<number>) {
  const known = cache.get(metrics);
  if (known) return known;
  const attempts = metrics.counter({
    name: "waybill_webhook_deliveries_total",
    help: "Webhook delivery attempts by outcome (delivered, failed, exhausted, gone, refused).",
    labelNames: ["outcome"],
  });
  const latency = metrics.histogram({
    name: "waybill_webhook_delivery_latency_seconds",
    help: "From sending a webhook to its receiver's answer.",
    buckets: LATENCY_BUCKETS,
  });
  const disabledTotal = metrics.counter({
    name: "waybill_webhook_endpoints_disabled_total",
    help: "Endpoints disabled, by reason (FAILING, GONE, MANUAL).",
    labelNames: ["reason"],
  });
  metrics.gauge({
    name: "waybill_webhook_endpoints_disabled",
    help: "Endpoints disabled now.",
    async collect() {
      this.set(await countDisabled());
    },
  });
  for (const outcome of ["delivered", "failed", "exhausted", "gone", "refused"])
    attempts.inc({ outcome }, 0);
  const figures: OutboundMetrics = {
    attempted(outcome, latencyMs) {
      attempts.inc({ outcome });
      latency.observe(latencyMs / 1000);
    },
    disabled: (reason) => disabledTotal.inc({ reason }),
  };
  cache.set(metrics, figures);
  return figures;
}
