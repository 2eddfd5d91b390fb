import type { OrdersFacts } from "@waybill/contracts";
import type { OrdersRepository } from "../store/repository.ts";

/** What orders tells the reconciliation: each order placed in the period, ordered and cancelled per line. */
export async function reconciliationFacts(
  orders: OrdersRepository,
  from: Date,
  to: Date,
): Promise<OrdersFacts> {
  const placed = await orders.placedBetween(from, to);
  return {
    orders: placed.map((order) => ({
      orderId: order._id,
      customerId: order.customerId,
      placedAt: order.placedAt.toISOString(),
      lines: order.lines.map((line) => ({
        lineId: line.id,
        sku: line.sku,
        ordered: line.quantity,
        cancelled: line.cancelledQuantity,
      })),
    })),
  };
}
