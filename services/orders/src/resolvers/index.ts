import { DateTime } from "@waybill/runtime";
import type { Resolvers } from "../generated/resolvers.ts";
import { Mutation } from "./mutation.ts";
import { Customer, Order, OrderLine } from "./order.ts";
import { Query } from "./query.ts";

export const resolvers: Resolvers = { DateTime, Query, Mutation, Order, OrderLine, Customer };
