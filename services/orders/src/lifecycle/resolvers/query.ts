import { listScope, readable } from "@waybill/auth";
import { paged } from "@waybill/graphql";
import type { QueryResolvers } from "../../generated/resolvers.ts";
import { CUSTOMERS_BY_NAME, ORDERS_NEWEST_FIRST } from "../store/pages.ts";
import { ownerOfCustomer, ownerOfOrder } from "./access.ts";

export const OrderQuery: QueryResolvers = {
  order: async (_, { id }, ctx) =>
    readable(ctx.principal, "orders:read", await ctx.loaders.order.load(id), ownerOfOrder),
  orders(_, { customerId, ...args }, ctx) {
    const accounts = listScope(ctx.principal, "orders:read", customerId);
    return paged(args, ORDERS_NEWEST_FIRST, (page) => ctx.orders.ordersPage(accounts, page));
  },
  customer: async (_, { id }, ctx) =>
    readable(ctx.principal, "orders:read", await ctx.loaders.customer.load(id), ownerOfCustomer),
  customers(_, args, ctx) {
    const accounts = listScope(ctx.principal, "orders:read");
    return paged(args, CUSTOMERS_BY_NAME, (page) => ctx.orders.customersPage(accounts, page));
  },
};
