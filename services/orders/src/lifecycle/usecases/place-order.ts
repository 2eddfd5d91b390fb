import { isDuplicateKeyError } from "@waybill/store";
import type { OrdersContext } from "../../context.ts";
import type { PlaceOrderInput } from "../../generated/resolvers.ts";
import { raceWinner, writeOrder, type WriteOrderOutcome } from "./write-order.ts";

export type PlaceOrderOutcome =
  WriteOrderOutcome | { kind: "unknown_customer"; customerId: string };

/** Places an order for an existing customer; nothing is written when it is refused. */
export async function placeOrder(
  ctx: OrdersContext,
  input: PlaceOrderInput,
): Promise<PlaceOrderOutcome> {
  try {
    return await ctx.runtime.transact(async (work): Promise<PlaceOrderOutcome> => {
      const customer = await ctx.orders.findCustomer(input.customerId, work.session);
      if (!customer) return { kind: "unknown_customer", customerId: input.customerId };
      return writeOrder(ctx, work, input, customer);
    });
  } catch (error) {
    // Two identical orders racing: the unique index lets one through; the other sees the winner.
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await raceWinner(ctx.orders, input.channel, input.externalReference);
    if (!existing) throw error;
    return { kind: "duplicate", existing };
  }
}
