import { DateTime } from "@waybill/runtime";
import type { Resolvers } from "../generated/resolvers.ts";
import { Invoice, InvoiceLine, Order, Query, Shipment } from "./invoice.ts";

export const resolvers: Resolvers = { DateTime, Query, Invoice, InvoiceLine, Order, Shipment };
