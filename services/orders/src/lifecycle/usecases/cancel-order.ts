import type { OrdersContext } from "../../context.ts";
import { recordOnTimeline } from "../../customer-service/usecases/timeline.ts";
import {
  cancellationReason,
  cancelLine,
  cancelOrder,
  type CancelRefusal,
} from "../domain/cancel.ts";
import type { OrderRecord } from "../store/records.ts";
import { saveOrder } from "./save-order.ts";

export type CancelOutcome =
  | { kind: "cancelled"; order: OrderRecord }
  | { kind: "unknown_order"; orderId: string }
  | CancelRefusal;

/**
 * Cancels a whole order, or one line when `lineId` is given, records it on the order's timeline
 * and emits the matching event, then the order's new statuses when they moved.
 */
export async function cancel(
  ctx: OrdersContext,
  input: { orderId: string; lineId?: string; reason: string },
): Promise<CancelOutcome> {
  const reason = cancellationReason(input.reason);
  if (typeof reason !== "string") return reason;
  return ctx.runtime.transact(async (work): Promise<CancelOutcome> => {
    const { session, emit } = work;
    const order = await ctx.orders.findOrder(input.orderId, session);
    if (!order) return { kind: "unknown_order", orderId: input.orderId };
    const now = new Date();
    const outcome =
      input.lineId === undefined
        ? cancelOrder(order, reason, now)
        : cancelLine(order, input.lineId, reason, now);
    if (outcome.kind !== "cancelled") return outcome;
    await recordOnTimeline(ctx.customerService, order._id, [outcome.entry], session);
    const cancelledAt = now.toISOString();
    const [line] = outcome.lines;
    if (input.lineId !== undefined && line) {
      await emit("orders.order_line.cancelled", order._id, {
        orderId: order._id,
        ...line,
        reason,
        cancelledAt,
      });
    } else {
      await emit("orders.order.cancelled", order._id, {
        orderId: order._id,
        lines: outcome.lines,
        reason,
        cancelledAt,
      });
    }
    // Told after the cancellation itself, so a subscriber hears why before the new statuses.
    return {
      kind: "cancelled",
      order: await saveOrder(ctx.orders, work, order, outcome.order, now),
    };
  });
}
