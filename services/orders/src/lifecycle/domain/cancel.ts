import type { TimelineEntry } from "../../customer-service/store/records.ts";
import type { OrderLineRecord, OrderRecord } from "../store/records.ts";
import { reconcile } from "./reconcile.ts";
import { dueQuantity } from "./status.ts";

export type CancelRefusal =
  | { kind: "invalid"; field: string; message: string }
  | { kind: "unknown_line"; lineId: string }
  | { kind: "already_cancelled"; lineId: string | null }
  | { kind: "shipped"; lineId: string | null; shippedQuantity: number };

export type Cancelled = {
  kind: "cancelled";
  order: OrderRecord;
  entry: TimelineEntry;
  /** The lines cancelled now, with the quantity each had still due. */
  lines: { lineId: string; sku: string; quantity: number }[];
};

const MAX_REASON = 500;

/** The reason, trimmed, or why it is refused. */
export function cancellationReason(reason: string): string | CancelRefusal {
  const trimmed = reason.trim();
  if (!trimmed) return { kind: "invalid", field: "reason", message: "reason must not be empty" };
  if (trimmed.length > MAX_REASON)
    return {
      kind: "invalid",
      field: "reason",
      message: `reason has at most ${MAX_REASON} characters`,
    };
  return trimmed;
}

const cancelled = (line: OrderLineRecord, reason: string): OrderLineRecord => ({
  ...line,
  cancelledQuantity: line.quantity,
  cancellationReason: reason,
});

/** Cancels every line still due; refused once anything has shipped. */
export function cancelOrder(
  order: OrderRecord,
  reason: string,
  now: Date,
): Cancelled | CancelRefusal {
  const shipped = order.lines.reduce((sum, line) => sum + line.shippedQuantity, 0);
  if (shipped > 0) return { kind: "shipped", lineId: null, shippedQuantity: shipped };
  const due = order.lines.filter((line) => dueQuantity(line) > 0);
  if (order.cancelledAt || due.length === 0) return { kind: "already_cancelled", lineId: null };
  const next = reconcile({
    ...order,
    lines: order.lines.map((line) => (dueQuantity(line) > 0 ? cancelled(line, reason) : line)),
    cancelledAt: now,
    cancellationReason: reason,
  });
  return {
    kind: "cancelled",
    order: next,
    entry: {
      at: now,
      kind: "ORDER_CANCELLED",
      message: `Order cancelled: ${reason}`,
      reference: null,
      key: "cancelled",
    },
    lines: due.map((line) => ({ lineId: line.id, sku: line.sku, quantity: dueQuantity(line) })),
  };
}

/** Cancels one line; refused once any of it has shipped. */
export function cancelLine(
  order: OrderRecord,
  lineId: string,
  reason: string,
  now: Date,
): Cancelled | CancelRefusal {
  const line = order.lines.find((candidate) => candidate.id === lineId);
  if (!line) return { kind: "unknown_line", lineId };
  if (line.shippedQuantity > 0)
    return { kind: "shipped", lineId, shippedQuantity: line.shippedQuantity };
  if (dueQuantity(line) === 0) return { kind: "already_cancelled", lineId };
  const next = reconcile({
    ...order,
    lines: order.lines.map((candidate) =>
      candidate.id === lineId ? cancelled(candidate, reason) : candidate,
    ),
  });
  const quantity = dueQuantity(line);
  return {
    kind: "cancelled",
    order: next,
    entry: {
      at: now,
      kind: "LINE_CANCELLED",
      message: `${quantity} x ${line.sku} cancelled: ${reason}`,
      reference: lineId,
      key: `cancelled:${lineId}`,
    },
    lines: [{ lineId, sku: line.sku, quantity }],
  };
}
