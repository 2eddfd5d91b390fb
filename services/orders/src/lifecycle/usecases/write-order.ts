import { randomUUID } from "node:crypto";
import type { UnitOfWork } from "@waybill/service";
import type { OrdersRooms } from "../../context.ts";
import { startTimeline } from "../../customer-service/usecases/timeline.ts";
import type { PlaceOrderInput } from "../../generated/resolvers.ts";
import { orderUpdated } from "../domain/order-updated.ts";
import { newOrder, placedEntry } from "../domain/place-order.ts";
import type { OrdersRepository } from "../store/repository.ts";
import type { CustomerRecord, OrderRecord } from "../store/records.ts";

export type WriteOrderOutcome =
  | { kind: "placed"; order: OrderRecord }
  | { kind: "invalid"; field: string; message: string }
  | { kind: "unknown_sku"; skus: string[] }
  | { kind: "duplicate"; existing: OrderRecord };

/**
 * Validates and writes a new order for `customer` in the caller's transaction, starts its
 * timeline and emits `orders.order.placed` and its first `orders.order.updated`. On any refusal it
 * writes nothing.
 */
export async function writeOrder(
  { orders }: OrdersRooms,
  { session, emit }: UnitOfWork,
  input: PlaceOrderInput,
  customer: CustomerRecord,
): Promise<WriteOrderOutcome> {
  const orderId = `ord_${randomUUID()}`;
  const ids = { order: orderId, line: (index: number) => `${orderId}-${index + 1}` };
  const order = newOrder(input, customer, ids, new Date());
  if ("kind" in order) return order;
  const existing = await orders.findByExternalKey(order.externalKey, session);
  if (existing) return { kind: "duplicate", existing };
  const unknown = await orders.unknownSkus(
    order.lines.map((line) => line.sku),
    session,
  );
  if (unknown.length > 0) return { kind: "unknown_sku", skus: unknown };
  await orders.insertOrder({ ...order, timeline: startTimeline(placedEntry(order)) }, session);
  await emit("orders.order.placed", order._id, {
    orderId: order._id,
    customerId: order.customerId,
    billingPolicy: order.billingPolicy,
    shippingRefund: order.shippingRefund ?? "NEVER",
    currency: order.currency,
    lines: order.lines.map(({ id, sku, quantity, unitPrice, taxRatePpm }) => ({
      lineId: id,
      sku,
      quantity,
      unitPrice,
      taxRatePpm,
    })),
    placedAt: order.placedAt.toISOString(),
  });
  await emit("orders.order.updated", order._id, orderUpdated(order, order.placedAt));
  return { kind: "placed", order };
}

/** After a duplicate-key error: the order that won a race for the same channel reference, if any. */
export async function raceWinner(
  orders: OrdersRepository,
  channel: string,
  reference: string | null | undefined,
): Promise<OrderRecord | null> {
  const trimmed = reference?.trim();
  return trimmed ? orders.findByExternalKey(`${channel.trim()}:${trimmed}`) : null;
}
