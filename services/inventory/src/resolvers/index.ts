import { DateTime } from "@waybill/graphql";
import type { Resolvers } from "../generated/resolvers.ts";
import { exceptionMutations, exceptionQueries, StockException } from "./exceptions.ts";
import { productMutations } from "./mutation.ts";
import { Product, productQueries } from "./product.ts";
import { Order, Reservation, reservationQueries, StockMovement } from "./reservation.ts";

export const resolvers: Resolvers = {
  DateTime,
  Query: { ...productQueries, ...reservationQueries, ...exceptionQueries },
  Mutation: { ...productMutations, ...exceptionMutations },
  Product,
  Order,
  Reservation,
  StockMovement,
  StockException,
};
