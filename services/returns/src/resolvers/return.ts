import { accountsOf, readable, requireScope, visibleOnly } from "@waybill/auth";
import { paged, type PageArgs } from "@waybill/graphql";
import type { ReturnsContext } from "../context.ts";
import type {
  MutationResolvers,
  OrderResolvers,
  QueryResolvers,
  ReturnResolvers,
} from "../generated/resolvers.ts";
import { RETURNS_OLDEST_FIRST } from "../store/pages.ts";
import type { ReturnRecord } from "../store/records.ts";
import { requestReturn } from "../usecases/request-return.ts";

const ownerOfReturn = (record: ReturnRecord) => record.customerId;

/** A page of the returns of an order the caller may see: none of someone else's order. */
function returnsOfOrder(ctx: ReturnsContext, orderId: string, args: PageArgs) {
  return paged(args, RETURNS_OLDEST_FIRST, async (page) =>
    visibleOnly(
      ctx.principal,
      "returns:read",
      await ctx.loaders.returnsOfOrder.load({ parent: orderId, page }),
      ownerOfReturn,
    ),
  );
}

export const Query: QueryResolvers = {
  return: async (_, { id }, ctx) =>
    readable(ctx.principal, "returns:read", await ctx.loaders.return.load(id), ownerOfReturn),
  returns: (_, { orderId, ...args }, ctx) => returnsOfOrder(ctx, orderId, args),
};

export const Mutation: MutationResolvers = {
  async requestReturn(_, { input }, ctx) {
    // A customer returns its own goods only; an unknown order is refused alike.
    const caller = requireScope(ctx.principal, "returns:write");
    if (accountsOf(caller))
      readable(
        caller,
        "returns:write",
        await ctx.repo.shippedOf(input.orderId),
        (shipped) => shipped.customerId,
      );
    const outcome = await requestReturn(ctx, input);
    switch (outcome.kind) {
      case "requested":
        return { __typename: "Return", ...outcome.record };
      case "nothing_shipped":
        return {
          __typename: "NothingShippedError",
          code: "NOTHING_SHIPPED",
          message: `nothing of order ${outcome.orderId} has shipped`,
          orderId: outcome.orderId,
        };
      case "exceeds":
        return {
          __typename: "QuantityExceedsShippedError",
          code: "QUANTITY_EXCEEDS_SHIPPED",
          message: `line ${outcome.lineId}: ${outcome.requested} requested, ${outcome.shipped - outcome.alreadyReturned} returnable`,
          lineId: outcome.lineId,
          shipped: outcome.shipped,
          alreadyReturned: outcome.alreadyReturned,
          requested: outcome.requested,
        };
      case "invalid":
        return {
          __typename: "InvalidReturnError",
          code: "INVALID_RETURN",
          message: outcome.message,
          field: outcome.field,
        };
    }
  },
};

export const Return: ReturnResolvers = {
  __resolveReference: async (reference, ctx) =>
    readable(
      ctx.principal,
      "returns:read",
      await ctx.loaders.return.load(reference.id),
      ownerOfReturn,
    ),
  id: (record) => record._id,
  order: (record) => ({ __typename: "Order", id: record.orderId }),
};

export const Order: OrderResolvers = {
  returns: (order, args, ctx) => returnsOfOrder(ctx, order.id, args),
};
