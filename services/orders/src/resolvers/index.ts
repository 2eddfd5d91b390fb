import { DateTime } from "@waybill/graphql";
import type { Resolvers } from "../generated/resolvers.ts";
import { CancelMutation } from "./cancellations.ts";
import { OrderMutation } from "./mutation.ts";
import { Customer, Order, OrderLine } from "./order.ts";
import { OrderQuery } from "./query.ts";
import { ServiceCase, ServiceCaseMutation, ServiceCaseQuery } from "./service-cases.ts";
import { InvoiceSummary, MilestoneSummary, ShipmentSummary } from "./shipment-summary.ts";

export const resolvers: Resolvers = {
  DateTime,
  Query: { ...OrderQuery, ...ServiceCaseQuery },
  Mutation: { ...OrderMutation, ...CancelMutation, ...ServiceCaseMutation },
  Order,
  OrderLine,
  Customer,
  ShipmentSummary,
  MilestoneSummary,
  InvoiceSummary,
  ServiceCase,
};
