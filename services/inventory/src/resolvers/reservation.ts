import type {
  OrderResolvers,
  QueryResolvers,
  ReservationResolvers,
  StockMovementResolvers,
} from "../generated/resolvers.ts";
import { reservedOf } from "../domain/book.ts";

export const reservationQueries: QueryResolvers = {
  reservations: (_, { orderId }, ctx) => ctx.loaders.reservationsOfOrder.load(orderId),
};

export const Order: OrderResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  reservations: (order, _, ctx) => ctx.loaders.reservationsOfOrder.load(order.id),
};

export const Reservation: ReservationResolvers = {
  product: (reservation, _, ctx) => ctx.loaders.product.load(reservation.sku),
  reserved: (reservation) => reservedOf(reservation),
};

export const StockMovement: StockMovementResolvers = {
  id: (movement) => movement._id,
};
