import { canSeeCustomer, forbidden, requireScope, requireStaff } from "@waybill/auth";
import type {
  MutationResolvers,
  ResolversTypes,
  ResolversUnionTypes,
} from "../../generated/resolvers.ts";
import { createCustomer } from "../usecases/customers.ts";
import { placeChannelOrder } from "../usecases/place-channel-order.ts";
import { placeOrder, type PlaceOrderOutcome } from "../usecases/place-order.ts";

type Result = ResolversUnionTypes<ResolversTypes>["PlaceOrderResult"];

/** Maps the outcome of placing an order onto the result union. */
function result(outcome: PlaceOrderOutcome): Result {
  switch (outcome.kind) {
    case "placed":
      return { __typename: "Order", ...outcome.order };
    case "invalid":
      return {
        __typename: "InvalidOrderError",
        code: "INVALID_ORDER",
        message: outcome.message,
        field: outcome.field,
      };
    case "unknown_customer":
      return {
        __typename: "UnknownCustomerError",
        code: "UNKNOWN_CUSTOMER",
        message: `no customer with id ${outcome.customerId}`,
        customerId: outcome.customerId,
      };
    case "unknown_sku":
      return {
        __typename: "UnknownSkuError",
        code: "UNKNOWN_SKU",
        message: `unknown SKU(s): ${outcome.skus.join(", ")}`,
        sku: outcome.skus[0] ?? "",
      };
    case "duplicate":
      return {
        __typename: "DuplicateOrderError",
        code: "DUPLICATE_ORDER",
        message: `order ${outcome.existing.externalReference ?? ""} was already placed in ${outcome.existing.channel}`,
        existingOrder: outcome.existing,
      };
  }
}

export const OrderMutation: MutationResolvers = {
  createCustomer(_, { input }, ctx) {
    requireScope(ctx.principal, "customers:write");
    return createCustomer(ctx, input);
  },
  async placeOrder(_, { input }, ctx) {
    // A customer orders for its own account only.
    const caller = requireScope(ctx.principal, "orders:write");
    if (!canSeeCustomer(caller, input.customerId)) throw forbidden();
    return result(await placeOrder(ctx, input));
  },
  async placeChannelOrder(_, { input }, ctx) {
    // It may create a customer: staff (and the integrations service) only.
    requireScope(ctx.principal, "orders:write");
    requireStaff(ctx.principal, "customers:write");
    return result(await placeChannelOrder(ctx, input));
  },
};
