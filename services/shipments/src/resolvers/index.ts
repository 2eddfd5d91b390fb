import { DateTime } from "@waybill/graphql";
import type { Resolvers } from "../generated/resolvers.ts";
import { Mutation } from "./mutation.ts";
import { CarrierCharge, Order, Query, Shipment } from "./shipment.ts";

export const resolvers: Resolvers = { DateTime, Query, Mutation, Shipment, Order, CarrierCharge };
