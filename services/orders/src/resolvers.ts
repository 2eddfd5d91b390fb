import { DateTime } from "@waybill/graphql";
import { customerServiceResolvers as service } from "./customer-service/resolvers/index.ts";
import type { Resolvers } from "./generated/resolvers.ts";
import { lifecycleResolvers as lifecycle } from "./lifecycle/resolvers/index.ts";

/** The orders subgraph's resolvers: the order lifecycle's and customer service's together. */
export const resolvers: Resolvers = {
  DateTime,
  Query: { ...lifecycle.Query, ...service.Query },
  Mutation: { ...lifecycle.Mutation, ...service.Mutation },
  Order: { ...lifecycle.Order, ...service.Order },
  OrderLine: lifecycle.OrderLine,
  Customer: lifecycle.Customer,
  ServiceCase: service.ServiceCase,
};
