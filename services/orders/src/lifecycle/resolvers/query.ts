import { listScope, readable } from "@waybill/auth";
import { codedError } from "@waybill/graphql";
import type { QueryResolvers } from "../../generated/resolvers.ts";

import { ownerOfCustomer, ownerOfOrder } from "./access.ts";

const MAX_PAGE = 200;

export const OrderQuery: QueryResolvers = {
  order: async (_, { id }, ctx) =>
    readable(ctx.principal, "orders:read", await ctx.loaders.order.load(id), ownerOfOrder),
  orders(_, { customerId, first }, ctx) {
    const accounts = listScope(ctx.principal, "orders:read", customerId);
    const size = first ?? 50;
    if (size < 1 || size > MAX_PAGE)
      throw codedError("BAD_USER_INPUT", `first must be between 1 and ${MAX_PAGE}`);
    return ctx.orders.listOrders(accounts, size);
  },
  customer: async (_, { id }, ctx) =>
    readable(ctx.principal, "orders:read", await ctx.loaders.customer.load(id), ownerOfCustomer),
  customers: (_, __, ctx) => ctx.orders.listCustomers(listScope(ctx.principal, "orders:read")),
};
