import {
  BILLING_POLICIES,
  CREDIT_REASONS,
  HOLD_REASONS,
  type CreditReason,
} from "@waybill/contracts";
import type { Metrics } from "@waybill/observability";
import type { Change } from "./domain/lifecycle.ts";
import type { InvoiceRecord } from "./store/records.ts";

/** From a minute to a week: invoices wait for delivery or proof under some policies. */
const LATENCY_BUCKETS = [1, 10, 60, 300, 900, 3_600, 4 * 3_600, 86_400, 2 * 86_400, 7 * 86_400];

/** Finance's figures as Prometheus metrics: time to invoice, touchless share, holds, notes. */
export interface BillingMetrics {
  /** Records a committed invoice transition (call from `afterCommit`). */
  committed(invoice: InvoiceRecord, changes: readonly Change[], created: boolean): void;
  /** Records a committed credit note (call from `afterCommit`). */
  creditNoteIssued(reason: CreditReason): void;
  /** Records a committed adjustment note (call from `afterCommit`). */
  adjustmentNoteIssued(): void;
}

const cache = new WeakMap<Metrics, BillingMetrics>();

/**
 * Billing's metrics in `metrics`, registered once per registry with every policy and reason at 0,
 * so that ratios (touchless / issued, holds / created) exist from the start.
 */
export function billingMetrics(metrics: Metrics): BillingMetrics {
  const known = cache.get(metrics);
  if (known) return known;
  const perPolicy = (name: string, help: string) =>
    metrics.counter({ name, help, labelNames: ["policy"] });
  const created = perPolicy(
    "waybill_billing_invoices_created_total",
    "Invoices created (one per shipment), by billing policy.",
  );
  const issued = perPolicy("waybill_billing_invoices_issued_total", "Invoices issued, by policy.");
  const touchless = perPolicy(
    "waybill_billing_invoices_touchless_total",
    "Invoices issued without anyone releasing a hold by hand; share = touchless / issued.",
  );
  const latency = metrics.histogram({
    name: "waybill_billing_invoice_latency_seconds",
    help: "From the shipment's shippedAt to the invoice's issue, by policy.",
    labelNames: ["policy"],
    buckets: LATENCY_BUCKETS,
  });
  const holds = metrics.counter({
    name: "waybill_billing_invoice_holds_total",
    help: "Invoices put on hold, by reason; the billing exception rate is holds / created.",
    labelNames: ["reason"],
  });
  const releases = metrics.counter({
    name: "waybill_billing_invoice_releases_total",
    help: "Holds released, by reason and by whom (FINANCE or AUTOMATIC).",
    labelNames: ["reason", "by"],
  });
  const voided = perPolicy(
    "waybill_billing_invoices_voided_total",
    "Invoices voided before issue (shipment voided, or every unit returned first), by policy.",
  );
  const creditNotes = metrics.counter({
    name: "waybill_billing_credit_notes_total",
    help: "Credit notes issued, by reason (RETURN or VOID).",
    labelNames: ["reason"],
  });
  const adjustmentNotes = metrics.counter({
    name: "waybill_billing_adjustment_notes_total",
    help: "Adjustment notes issued: carrier charges re-billed after their invoice's issue.",
  });
  for (const policy of BILLING_POLICIES)
    for (const counter of [created, issued, touchless, voided]) counter.inc({ policy }, 0);
  for (const reason of HOLD_REASONS) holds.inc({ reason }, 0);
  for (const reason of CREDIT_REASONS) creditNotes.inc({ reason }, 0);
  adjustmentNotes.inc(0);

  const figures: BillingMetrics = {
    committed(invoice, changes, wasCreated) {
      const { policy } = invoice;
      if (wasCreated) created.inc({ policy });
      for (const change of changes) {
        if (change.kind === "held") holds.inc({ reason: change.hold.reason });
        else if (change.kind === "released")
          releases.inc({ reason: change.hold.reason, by: change.hold.releasedBy ?? "AUTOMATIC" });
        else if (change.kind === "voided") voided.inc({ policy });
        else if (change.kind === "issue") {
          issued.inc({ policy });
          if (!invoice.touched) touchless.inc({ policy });
          const issuedAt = invoice.issuedAt ?? new Date();
          latency.observe(
            { policy },
            Math.max(0, issuedAt.getTime() - invoice.shippedAt.getTime()) / 1000,
          );
        }
      }
    },
    creditNoteIssued: (reason) => creditNotes.inc({ reason }),
    adjustmentNoteIssued: () => adjustmentNotes.inc(),
  };
  cache.set(metrics, figures);
  return figures;
}
