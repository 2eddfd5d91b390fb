import { codedError } from "@waybill/runtime";
import type { QueryResolvers } from "../generated/resolvers.ts";

const MAX_PAGE = 200;

export const OrderQuery: QueryResolvers = {
  order: (_, { id }, ctx) => ctx.loaders.order.load(id),
  orders(_, { customerId, first }, ctx) {
    const size = first ?? 50;
    if (size < 1 || size > MAX_PAGE)
      throw codedError("BAD_USER_INPUT", `first must be between 1 and ${MAX_PAGE}`);
    return ctx.repo.listOrders(customerId, size);
  },
  customer: (_, { id }, ctx) => ctx.loaders.customer.load(id),
  customers: (_, __, ctx) => ctx.repo.listCustomers(),
};
