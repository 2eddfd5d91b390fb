import type { ShipmentLineInput } from "../generated/resolvers.ts";
import type { OrderProjection, ShipmentRecord } from "../store/records.ts";
import { aheadOfClock, type Clock } from "./clock.ts";
import { countsAsShipped } from "./void.ts";

export type ConfirmRejection =
  | { kind: "invalid"; field: string; code?: string; message: string }
  | {
      kind: "exceeds";
      lineId: string;
      ordered: number;
      cancelled: number;
      alreadyShipped: number;
      requested: number;
    };

/**
 * Checks requested lines against the order: each line known, whole positive quantities,
 * never more than ordered minus cancelled minus already shipped (voided shipments shipped
 * nothing). Returns the lines or why not.
 */
export function shipmentLines(
  order: OrderProjection,
  previous: ShipmentRecord[],
  requested: ShipmentLineInput[],
): ShipmentRecord["lines"] | ConfirmRejection {
  if (requested.length === 0)
    return { kind: "invalid", field: "lines", message: "a shipment needs at least one line" };
  const wanted = new Map<string, number>();
  for (const [index, line] of requested.entries()) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      return {
        kind: "invalid",
        field: `lines.${index}.quantity`,
        message: "quantity must be a positive whole number",
      };
    }
    wanted.set(line.lineId, (wanted.get(line.lineId) ?? 0) + line.quantity);
  }
  const lines: ShipmentRecord["lines"] = [];
  for (const [lineId, quantity] of wanted) {
    const ordered = order.lines.find((line) => line.lineId === lineId);
    if (!ordered)
      return {
        kind: "invalid",
        field: "lines",
        message: `order ${order._id} has no line ${lineId}`,
      };
    const alreadyShipped = previous
      .filter(countsAsShipped)
      .flatMap((shipment) => shipment.lines)
      .filter((line) => line.lineId === lineId)
      .reduce((sum, line) => sum + line.quantity, 0);
    if (alreadyShipped + quantity > ordered.quantity - ordered.cancelled) {
      return {
        kind: "exceeds",
        lineId,
        ordered: ordered.quantity,
        cancelled: ordered.cancelled,
        alreadyShipped,
        requested: quantity,
      };
    }
    lines.push({ lineId, sku: ordered.sku, quantity });
  }
  return lines;
}

/**
 * The problem with a shipment's departure time, if any: no further ahead of the clock than the
 * skew allows, and not before its order was placed (an order recorded before its placing time was
 * kept has no lower bound).
 */
export function departureProblem(
  order: OrderProjection,
  shippedAt: Date,
  clock: Clock,
): ConfirmRejection | null {
  const future = aheadOfClock("shippedAt", shippedAt, clock);
  if (future) return { kind: "invalid", ...future };
  if (order.placedAt && shippedAt < order.placedAt)
    return {
      kind: "invalid",
      field: "shippedAt",
      code: "SHIPPED_BEFORE_ORDER",
      message: `shippedAt ${shippedAt.toISOString()} is before order ${order._id} was placed (${order.placedAt.toISOString()})`,
    };
  return null;
}
