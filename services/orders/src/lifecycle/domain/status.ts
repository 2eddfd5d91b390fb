import type { BillingStatus, FulfilmentStatus } from "../../generated/resolvers.ts";
import type { LineQuantities } from "../store/records.ts";

/** What is still owed on a line: ordered minus cancelled. */
export const dueQuantity = (line: LineQuantities): number => line.quantity - line.cancelledQuantity;

const total = (lines: LineQuantities[], pick: (line: LineQuantities) => number) =>
  lines.reduce((sum, line) => sum + pick(line), 0);

/**
 * Fulfilment status from quantities alone, so it cannot drift from them. A shipment that raced a
 * cancellation still counts: what left the warehouse is shipped, whatever was cancelled.
 */
export function fulfilmentStatus(lines: LineQuantities[]): FulfilmentStatus {
  const shipped = total(lines, (line) => line.shippedQuantity);
  if (shipped === 0) {
    return total(lines, dueQuantity) === 0 ? "CANCELLED" : "UNFULFILLED";
  }
  const delivered = total(lines, (line) => line.deliveredQuantity);
  const allShipped = lines.every((line) => line.shippedQuantity >= dueQuantity(line));
  const allDelivered = lines.every(
    (line) => line.deliveredQuantity >= Math.max(line.shippedQuantity, dueQuantity(line)),
  );
  if (allShipped && allDelivered) return "DELIVERED";
  if (delivered > 0) return "PARTIALLY_DELIVERED";
  return allShipped ? "SHIPPED" : "PARTIALLY_SHIPPED";
}

/** Billing status from invoiced against due quantities; any invoice on hold puts the order on hold. */
export function billingStatus(lines: LineQuantities[], invoiceOnHold: boolean): BillingStatus {
  if (invoiceOnHold) return "ON_HOLD";
  const invoiced = total(lines, (line) => line.invoicedQuantity);
  if (invoiced === 0) return "NOT_BILLED";
  return lines.every((line) => line.invoicedQuantity >= dueQuantity(line))
    ? "BILLED"
    : "PARTIALLY_BILLED";
}
