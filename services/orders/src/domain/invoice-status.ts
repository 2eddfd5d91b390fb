import type { InvoiceSummaryStatus } from "../generated/resolvers.ts";
import type { HoldRecord, InvoiceSummaryRecord, ShipmentSummaryRecord } from "../store/records.ts";

/**
 * Holds still in force: not followed by a release of the same reason, nor by the invoice's issue.
 * Comparing times rather than arrival order keeps the answer right when events arrive out of order.
 */
export function activeHolds(invoice: InvoiceSummaryRecord): HoldRecord[] {
  return invoice.holds.filter(
    (hold) =>
      !invoice.releases.some(
        (release) => release.reason === hold.reason && release.at >= hold.at,
      ) && !(invoice.issuedAt && invoice.issuedAt >= hold.at),
  );
}

export function invoiceStatus(invoice: InvoiceSummaryRecord): InvoiceSummaryStatus {
  if (activeHolds(invoice).length > 0) return "ON_HOLD";
  return invoice.issuedAt ? "ISSUED" : "DRAFT";
}

/** The reason of the latest hold in force, if any. */
export function holdReason(invoice: InvoiceSummaryRecord): string | null {
  const holds = activeHolds(invoice).sort((a, b) => b.at.getTime() - a.at.getTime());
  return holds[0]?.reason ?? null;
}

/** Delivered and billed: the condition that closes the shipment's service cases by itself. */
export function isSettled(shipment: ShipmentSummaryRecord): boolean {
  return (
    shipment.deliveredAt !== null &&
    shipment.invoice !== null &&
    invoiceStatus(shipment.invoice) === "ISSUED"
  );
}
