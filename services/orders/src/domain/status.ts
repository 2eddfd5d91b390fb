import type { BillingStatus, FulfilmentStatus } from "../generated/resolvers.ts";
import type { OrderLineRecord } from "../store/records.ts";

/** Fulfilment status follows from quantities alone, so it can never drift from them. */
export function fulfilmentStatus(lines: OrderLineRecord[]): FulfilmentStatus {
  const shipped = lines.reduce((sum, line) => sum + line.shippedQuantity, 0);
  if (shipped === 0) return "UNFULFILLED";
  return lines.every((line) => line.shippedQuantity >= line.quantity)
    ? "SHIPPED"
    : "PARTIALLY_SHIPPED";
}

/** Billing status from invoiced against ordered quantities. */
export function billingStatus(lines: OrderLineRecord[]): BillingStatus {
  const invoiced = lines.reduce((sum, line) => sum + line.invoicedQuantity, 0);
  if (invoiced === 0) return "NOT_BILLED";
  return lines.every((line) => line.invoicedQuantity >= line.quantity)
    ? "BILLED"
    : "PARTIALLY_BILLED";
}

/** Adds quantities per line id; lines not named keep theirs. */
export function addQuantities(
  lines: OrderLineRecord[],
  field: "shippedQuantity" | "invoicedQuantity",
  additions: { lineId: string; quantity: number }[],
): OrderLineRecord[] {
  return lines.map((line) => {
    const added = additions
      .filter((addition) => addition.lineId === line.id)
      .reduce((sum, addition) => sum + addition.quantity, 0);
    return added ? { ...line, [field]: line[field] + added } : line;
  });
}
