import { readable, requireStaff, visibleOnly } from "@waybill/auth";
import { paged, type PageArgs } from "@waybill/graphql";
import type { ReturnsContext } from "../context.ts";
import type { OrderResolvers, QueryResolvers, ReturnResolvers } from "../generated/resolvers.ts";
import { RETURNS_OLDEST_FIRST } from "../store/pages.ts";
import type { ReturnRecord } from "../store/records.ts";

export const ownerOfReturn = (record: ReturnRecord) => record.customerId;

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
  // The warehouses' queue spans customers: staff only.
  returnsToReceive: (_, args, ctx) => {
    requireStaff(ctx.principal, "returns:read");
    return paged(args, RETURNS_OLDEST_FIRST, (page) => ctx.repo.returnsToReceivePage(page));
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
  // Returns stored before credit notes were kept have none.
  creditNoteIds: (record) => record.creditNoteIds ?? [],
};

export const Order: OrderResolvers = {
  returns: (order, args, ctx) => returnsOfOrder(ctx, order.id, args),
};
