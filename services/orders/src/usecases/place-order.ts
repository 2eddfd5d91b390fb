import { randomUUID } from "node:crypto";
import { isDuplicateKeyError } from "@waybill/runtime/store";
import type { PlaceOrderInput } from "../generated/resolvers.ts";
import type { OrdersContext } from "../context.ts";
import { newOrder } from "../domain/place-order.ts";
import type { OrderRecord } from "../store/records.ts";

export type PlaceOrderOutcome =
  | { kind: "placed"; order: OrderRecord }
  | { kind: "invalid"; field: string; message: string }
  | { kind: "unknown_customer"; customerId: string }
  | { kind: "duplicate"; existing: OrderRecord };

/** Places an order and emits `orders.order.placed` in the same transaction. */
export async function placeOrder(
  ctx: OrdersContext,
  input: PlaceOrderInput,
): Promise<PlaceOrderOutcome> {
  const { repo } = ctx;
  try {
    return await ctx.runtime.transact(async ({ session, emit }): Promise<PlaceOrderOutcome> => {
      const customer = await repo.findCustomer(input.customerId, session);
      if (!customer) return { kind: "unknown_customer", customerId: input.customerId };
      const orderId = `ord_${randomUUID()}`;
      const order = newOrder(
        input,
        customer,
        { order: orderId, line: (i) => `${orderId}-${i + 1}` },
        new Date(),
      );
      if ("kind" in order) return order;
      const existing = await repo.findByExternalKey(order.externalKey, session);
      if (existing) return { kind: "duplicate", existing };
      await repo.orders.insertOne(order, { session });
      await emit("orders.order.placed", order._id, {
        orderId: order._id,
        customerId: order.customerId,
        billingPolicy: order.billingPolicy,
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
      return { kind: "placed", order };
    });
  } catch (error) {
    // Two identical orders racing: the unique index lets one through; the other sees the winner.
    if (!isDuplicateKeyError(error) || !input.externalReference) throw error;
    const existing = await repo.orders.findOne({
      externalKey: `${input.channel.trim()}:${input.externalReference.trim()}`,
    });
    if (!existing) throw error;
    return { kind: "duplicate", existing };
  }
}
