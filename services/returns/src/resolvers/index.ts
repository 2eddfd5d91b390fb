import { DateTime } from "@waybill/graphql";
import type { Resolvers } from "../generated/resolvers.ts";
import { Mutation } from "./mutation.ts";
import { Order, Query, Return } from "./return.ts";

export const resolvers: Resolvers = { DateTime, Query, Mutation, Return, Order };
