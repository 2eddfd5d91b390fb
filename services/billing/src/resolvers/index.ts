import { DateTime } from "@waybill/graphql";
import type { Resolvers } from "../generated/resolvers.ts";
import { Invoice, InvoiceLine, Order, Shipment } from "./invoice.ts";
import { Mutation, Query } from "./queries-and-mutations.ts";

export const resolvers: Resolvers = {
  DateTime,
  Query,
  Mutation,
  Invoice,
  InvoiceLine,
  Order,
  Shipment,
};
