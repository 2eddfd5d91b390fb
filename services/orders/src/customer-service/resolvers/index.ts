import type { Resolvers } from "../../generated/resolvers.ts";
import { OrderCustomerService } from "./order.ts";
import { ServiceCase, ServiceCaseMutation, ServiceCaseQuery } from "./service-cases.ts";

/** Customer service's part of the schema: orders' timelines and service cases. */
export const customerServiceResolvers = {
  Query: ServiceCaseQuery,
  Mutation: ServiceCaseMutation,
  Order: OrderCustomerService,
  ServiceCase,
} satisfies Resolvers;
