import { DateTime } from "@waybill/graphql";
import type { Resolvers } from "../generated/resolvers.ts";
import { Invoice, InvoiceLine, Shipment } from "./invoice.ts";
import { AdjustmentNote, ChargeLine, CreditNote, CreditNoteLine, Return } from "./notes.ts";
import { Order } from "./order.ts";
import { Mutation, Query } from "./queries-and-mutations.ts";

export const resolvers: Resolvers = {
  DateTime,
  Query,
  Mutation,
  Invoice,
  InvoiceLine,
  Order,
  Shipment,
  CreditNote,
  CreditNoteLine,
  ChargeLine,
  AdjustmentNote,
  Return,
};
