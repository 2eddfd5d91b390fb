import type { BillingStatus, FulfilmentStatus } from "../../generated/resolvers.ts";
import type { LineQuantities } from "../store/records.ts";

/** What is still owed on a line: ordered minus cancelled. */
export const dueQuantity = (line: LineQuantities): number => line.quantity - line.cancelledQuantity;

const returned = (line: LineQuantities) => line.returnedQuantity ?? 0;
const credited = (line: LineQuantities) => line.creditedQuantity ?? 0;

/**
 * What billing will invoice for a line: what is due, less the units returned before they were
 * invoiced (billing tells which; orders does not work it out).
 */
export const billableQuantity = (line: LineQuantities): number =>
  dueQuantity(line) - (line.uninvoicedReturnedQuantity ?? 0);

const total = (lines: LineQuantities[], pick: (line: LineQuantities) => number) =>
  lines.reduce((sum, line) => sum + pick(line), 0);

/**
 * Fulfilment status from quantities alone, so it cannot drift from them. A shipment that raced a
 * cancellation still counts: what left the warehouse is shipped, whatever was cancelled. Once a
 * unit came back, returns come first: RETURNED when every shipped unit did, PARTIALLY_RETURNED
 * otherwise.
 */
export function fulfilmentStatus(lines: LineQuantities[]): FulfilmentStatus {
  const shipped = total(lines, (line) => line.shippedQuantity);
  if (total(lines, returned) > 0) {
    return lines.every((line) => returned(line) >= line.shippedQuantity)
      ? "RETURNED"
      : "PARTIALLY_RETURNED";
  }
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

/**
 * Billing status from invoiced against billable quantities; any invoice on hold puts the order on
 * hold. Once a credit note credited a unit: CREDITED when every invoiced unit is credited,
 * PARTIALLY_CREDITED otherwise.
 */
export function billingStatus(lines: LineQuantities[], invoiceOnHold: boolean): BillingStatus {
  if (invoiceOnHold) return "ON_HOLD";
  const invoiced = total(lines, (line) => line.invoicedQuantity);
  if (invoiced === 0) return "NOT_BILLED";
  if (total(lines, credited) > 0) {
    return lines.every((line) => credited(line) >= line.invoicedQuantity)
      ? "CREDITED"
      : "PARTIALLY_CREDITED";
  }
  return lines.every((line) => line.invoicedQuantity >= billableQuantity(line))
    ? "BILLED"
    : "PARTIALLY_BILLED";
}
