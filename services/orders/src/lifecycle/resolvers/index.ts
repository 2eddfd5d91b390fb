import type { Resolvers } from "../../generated/resolvers.ts";
import { CancelMutation } from "./cancellations.ts";
import { OrderMutation } from "./mutation.ts";
import { Customer, Order, OrderLine } from "./order.ts";
import { OrderQuery } from "./query.ts";

/** The order lifecycle's part of the schema: orders, their lines, customers, cancellations. */
export const lifecycleResolvers = {
  Query: OrderQuery,
  Mutation: { ...OrderMutation, ...CancelMutation },
  Order,
  OrderLine,
  Customer,
} satisfies Resolvers;
