import type {
  OrderResolvers,
  QueryResolvers,
  ReservationResolvers,
  StockMovementResolvers,
} from "../generated/resolvers.ts";
import { requireStaff } from "@waybill/auth";
import { reservedOf } from "../domain/book.ts";

// Reservations are warehouse and service data, never a customer's or partner's.
export const reservationQueries: QueryResolvers = {
  reservations(_, { orderId }, ctx) {
    requireStaff(ctx.principal, "inventory:read");
    return ctx.loaders.reservationsOfOrder.load(orderId);
  },
};

export const Order: OrderResolvers = {
  __resolveReference(reference, ctx) {
    requireStaff(ctx.principal, "inventory:read");
    return { id: reference.id };
  },
  reservations(order, _, ctx) {
    requireStaff(ctx.principal, "inventory:read");
    return ctx.loaders.reservationsOfOrder.load(order.id);
  },
};

export const Reservation: ReservationResolvers = {
  product: (reservation, _, ctx) => ctx.loaders.product.load(reservation.sku),
  reserved: (reservation) => reservedOf(reservation),
};

export const StockMovement: StockMovementResolvers = {
  id: (movement) => movement._id,
};
