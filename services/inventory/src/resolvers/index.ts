import type { Resolvers } from "../generated/resolvers.ts";
import { Mutation } from "./mutation.ts";
import { Product, Query } from "./product.ts";

export const resolvers: Resolvers = { Query, Mutation, Product };
