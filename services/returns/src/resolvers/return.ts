import type {
  MutationResolvers,
  OrderResolvers,
  QueryResolvers,
  ReturnResolvers,
} from "../generated/resolvers.ts";
import { requestReturn } from "../usecases/request-return.ts";

export const Query: QueryResolvers = {
  return: (_, { id }, ctx) => ctx.loaders.return.load(id),
  returns: (_, { orderId }, ctx) => ctx.loaders.returnsOfOrder.load(orderId),
};

export const Mutation: MutationResolvers = {
  async requestReturn(_, { input }, ctx) {
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
  __resolveReference: (reference, ctx) => ctx.loaders.return.load(reference.id),
  id: (record) => record._id,
  order: (record) => ({ __typename: "Order", id: record.orderId }),
};

export const Order: OrderResolvers = {
  returns: (order, _, ctx) => ctx.loaders.returnsOfOrder.load(order.id),
};
