import type { InvoiceRecord } from "../store/records.ts";

/** Seconds from shipment to issue, when issued. */
export function secondsToInvoice(invoice: InvoiceRecord): number | null {
  return invoice.issuedAt
    ? Math.max(0, Math.round((invoice.issuedAt.getTime() - invoice.shippedAt.getTime()) / 1000))
    : null;
}

function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

/** The figures finance asks for, over a set of invoices. Shares are exact decimals, not floats. */
export function billingFigures(invoices: InvoiceRecord[]) {
  const issued = invoices.filter((invoice) => invoice.number);
  const touchless = issued.filter((invoice) => !invoice.touched).length;
  const latencies = issued.map((invoice) => secondsToInvoice(invoice) ?? 0).sort((a, b) => a - b);
  // Per mille, rounded half up, printed with one decimal: 39 of 40 -> "97.5".
  const perMille = issued.length
    ? Math.floor((touchless * 2000 + issued.length) / (2 * issued.length))
    : null;
  return {
    invoicesIssued: issued.length,
    touchlessIssued: touchless,
    touchlessShare: perMille === null ? null : `${Math.floor(perMille / 10)}.${perMille % 10}`,
    medianSecondsToInvoice: percentile(latencies, 50),
    p95SecondsToInvoice: percentile(latencies, 95),
    onHold: invoices.filter((invoice) => invoice.status === "ON_HOLD").length,
    drafts: invoices.filter((invoice) => invoice.status === "DRAFT").length,
    voided: invoices.filter((invoice) => invoice.status === "VOID").length,
  };
}
