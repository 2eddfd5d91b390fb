import { readable } from "@waybill/auth";
import type { OrdersContext } from "../../context.ts";
import type {
  MutationResolvers,
  ResolversTypes,
  ResolversUnionTypes,
} from "../../generated/resolvers.ts";
import { cancel, type CancelOutcome } from "../usecases/cancel-order.ts";
import { ownerOfOrder } from "./access.ts";

type Result = ResolversUnionTypes<ResolversTypes>["CancelOrderLineResult"];

/** Maps a cancellation outcome onto the result union. */
function result(orderId: string, outcome: CancelOutcome): Result {
  switch (outcome.kind) {
    case "cancelled":
      return { __typename: "Order", ...outcome.order };
    case "invalid":
      return { __typename: "InvalidOrderError", code: "INVALID_ORDER", ...outcome };
    case "unknown_order":
      return {
        __typename: "OrderNotFoundError",
        code: "ORDER_NOT_FOUND",
        message: `no order with id ${orderId}`,
        orderId,
      };
    case "unknown_line":
      return {
        __typename: "OrderLineNotFoundError",
        code: "ORDER_LINE_NOT_FOUND",
        message: `order ${orderId} has no line ${outcome.lineId}`,
        orderId,
        lineId: outcome.lineId,
      };
    case "already_cancelled":
      return {
        __typename: "AlreadyCancelledError",
        code: "ALREADY_CANCELLED",
        message: outcome.lineId
          ? `line ${outcome.lineId} is already cancelled`
          : `order ${orderId} is already cancelled`,
        orderId,
        lineId: outcome.lineId,
      };
    case "shipped":
      return {
        __typename: "CannotCancelShippedError",
        code: "CANNOT_CANCEL_SHIPPED",
        message: `${outcome.shippedQuantity} unit(s) have shipped and cannot be cancelled; request a return instead`,
        orderId,
        lineId: outcome.lineId,
        shippedQuantity: outcome.shippedQuantity,
      };
  }
}

/** A limited caller may cancel only its own orders, and learns nothing of others' (FORBIDDEN). */
async function authorise(ctx: OrdersContext, orderId: string): Promise<void> {
  readable(ctx.principal, "orders:write", await ctx.loaders.order.load(orderId), ownerOfOrder);
}

export const CancelMutation: MutationResolvers = {
  async cancelOrder(_, { input }, ctx) {
    await authorise(ctx, input.orderId);
    const mapped = result(input.orderId, await cancel(ctx, input));
    // Unreachable: a whole-order cancellation names no line that could be missing.
    if (mapped.__typename === "OrderLineNotFoundError") throw new Error(mapped.message);
    return mapped;
  },
  async cancelOrderLine(_, { input }, ctx) {
    await authorise(ctx, input.orderId);
    return result(input.orderId, await cancel(ctx, input));
  },
};
