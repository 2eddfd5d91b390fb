import { metricValue, parseMetrics } from "@waybill/devtools";
import { createMetrics } from "@waybill/observability";
import { describe, expect, it } from "vitest";
import { hold, release } from "../src/domain/lifecycle.ts";
import { billingMetrics } from "../src/metrics.ts";
import type { InvoiceRecord } from "../src/store/records.ts";

const shippedAt = new Date("2026-01-01T00:00:00Z");
const draft: InvoiceRecord = {
  _id: "inv_1",
  series: "INV-2026",
  number: null,
  status: "DRAFT",
  policy: "ON_DELIVERY",
  orderId: "ord_1",
  shipmentId: "shp_1",
  customerId: "cus_1",
  currency: "EUR",
  lines: [],
  shippedQuantity: 1,
  shippingCharge: 0,
  shippingTax: 0,
  subtotal: 0,
  taxTotal: 0,
  total: 0,
  holds: [],
  collectionHolds: [],
  delivery: { deliveredAt: null, proofAt: null, proofWaived: false, deliveredQuantity: null },
  touched: false,
  shippedAt,
  createdAt: shippedAt,
  issuedAt: null,
};

describe("billing metrics", () => {
  it("starts every policy and hold reason at zero", async () => {
    const metrics = createMetrics({ service: "billing" });
    billingMetrics(metrics);
    const samples = parseMetrics((await metrics.scrape()).body);
    const issued = samples.filter((s) => s.name === "waybill_billing_invoices_issued_total");
    expect(issued.map((s) => [s.labels.policy, s.value])).toEqual([
      ["ON_SHIPMENT", 0],
      ["ON_DELIVERY", 0],
      ["ON_PROOF_OF_DELIVERY", 0],
    ]);
    expect(samples.filter((s) => s.name === "waybill_billing_invoice_holds_total")).toHaveLength(3);
    expect(
      samples
        .filter((s) => s.name === "waybill_billing_credit_notes_total")
        .map((s) => [s.labels.reason, s.value]),
    ).toEqual([
      ["RETURN", 0],
      ["VOID", 0],
    ]);
    expect(metricValue(samples, "waybill_billing_adjustment_notes_total", {})).toBe(0);
  });

  it("counts voids, credit notes by reason and adjustment notes; a collection hold is no issue", async () => {
    const metrics = createMetrics({ service: "billing" });
    const figures = billingMetrics(metrics);
    const at = new Date();
    figures.committed(draft, [{ kind: "voided", at }], false);
    const issued = { ...draft, number: "INV-2026-000001", issuedAt: at };
    figures.committed(issued, hold(issued, "CARRIER_EXCEPTION", "damaged", at).changes, false);
    figures.creditNoteIssued("VOID");
    figures.creditNoteIssued("RETURN");
    figures.creditNoteIssued("RETURN");
    figures.adjustmentNoteIssued();

    const samples = parseMetrics((await metrics.scrape()).body);
    const policy = { policy: "ON_DELIVERY" };
    expect(metricValue(samples, "waybill_billing_invoices_voided_total", policy)).toBe(1);
    expect(metricValue(samples, "waybill_billing_invoices_issued_total", policy)).toBe(0);
    expect(metricValue(samples, "waybill_billing_credit_notes_total", { reason: "RETURN" })).toBe(
      2,
    );
    expect(metricValue(samples, "waybill_billing_credit_notes_total", { reason: "VOID" })).toBe(1);
    expect(metricValue(samples, "waybill_billing_adjustment_notes_total", {})).toBe(1);
  });

  it("counts creation, holds and releases, and times issue from shipment; a hand release is not touchless", async () => {
    const metrics = createMetrics({ service: "billing" });
    const figures = billingMetrics(metrics);
    figures.committed(draft, [], true);
    const held = hold(draft, "CARRIER_EXCEPTION", "damaged", new Date());
    figures.committed(held.invoice, held.changes, false);
    const released = release(held.invoice, "FINANCE", new Date());
    const issuedAt = new Date(shippedAt.getTime() + 90 * 60_000);
    figures.committed(
      { ...released.invoice, number: "INV-2026-000001", issuedAt },
      [...released.changes, { kind: "issue" }],
      false,
    );

    const samples = parseMetrics((await metrics.scrape()).body);
    const policy = { policy: "ON_DELIVERY" };
    expect(metricValue(samples, "waybill_billing_invoices_created_total", policy)).toBe(1);
    expect(metricValue(samples, "waybill_billing_invoices_issued_total", policy)).toBe(1);
    expect(metricValue(samples, "waybill_billing_invoices_touchless_total", policy)).toBe(0);
    expect(
      metricValue(samples, "waybill_billing_invoice_holds_total", { reason: "CARRIER_EXCEPTION" }),
    ).toBe(1);
    expect(metricValue(samples, "waybill_billing_invoice_releases_total", { by: "FINANCE" })).toBe(
      1,
    );
    expect(metricValue(samples, "waybill_billing_invoice_latency_seconds_sum", policy)).toBe(5_400);
    expect(
      metricValue(samples, "waybill_billing_invoice_latency_seconds_bucket", {
        ...policy,
        le: "3600",
      }),
    ).toBe(0);
    expect(
      metricValue(samples, "waybill_billing_invoice_latency_seconds_bucket", {
        ...policy,
        le: "14400",
      }),
    ).toBe(1);
  });
});
