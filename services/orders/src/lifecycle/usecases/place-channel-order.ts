import { isDuplicateKeyError } from "@waybill/store";
import type { OrdersContext } from "../../context.ts";
import type { PlaceChannelOrderInput } from "../../generated/resolvers.ts";
import { customerProblem, normalizeEmail } from "../domain/customer.ts";
import { newCustomer } from "./customers.ts";
import { writeOrder, type WriteOrderOutcome } from "./write-order.ts";

/**
 * Places a channel's order once per channel reference, for the customer with its email: found, or
 * created (ON_SHIPMENT) in the same transaction as the order and only when the order is placed, so
 * a refusal writes nothing. The same reference again is a duplicate answering the order placed
 * before.
 */
async function placeOnce(
  ctx: OrdersContext,
  input: PlaceChannelOrderInput,
): Promise<WriteOrderOutcome> {
  const email = normalizeEmail(input.customer.email);
  const name = input.customer.name.trim();
  const problem = customerProblem(name, email);
  if (problem)
    return { kind: "invalid", field: `customer.${problem.field}`, message: problem.message };
  return ctx.runtime.transact(async (work) => {
    const known = await ctx.orders.findCustomerByEmail(email, work.session);
    const customer = known ?? newCustomer(name, email, "ON_SHIPMENT");
    const outcome = await writeOrder(ctx, work, { ...input, customerId: customer._id }, customer);
    if (outcome.kind === "placed" && !known)
      await ctx.orders.insertCustomer(customer, work.session);
    return outcome;
  });
}

/** Places with one retry: a concurrent delivery of the same order or customer wins a unique index. */
export async function placeChannelOrder(
  ctx: OrdersContext,
  input: PlaceChannelOrderInput,
): Promise<WriteOrderOutcome> {
  try {
    return await placeOnce(ctx, input);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return placeOnce(ctx, input);
  }
}
