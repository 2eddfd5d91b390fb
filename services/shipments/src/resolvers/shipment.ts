import { formatAmount } from "@waybill/contracts";
import type { OrderResolvers, QueryResolvers, ShipmentResolvers } from "../generated/resolvers.ts";

export const Query: QueryResolvers = {
  shipment: (_, { id }, ctx) => ctx.loaders.shipment.load(id),
  shipments: (_, { orderId }, ctx) => ctx.loaders.shipmentsOfOrder.load(orderId),
};

export const Shipment: ShipmentResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.shipment.load(reference.id),
  id: (shipment) => shipment._id,
  order: (shipment) => ({ __typename: "Order", id: shipment.orderId }),
  shippingCharge: (shipment) => ({
    amount: formatAmount(shipment.shippingCharge, shipment.currency),
    currency: shipment.currency,
  }),
};

export const Order: OrderResolvers = {
  shipments: (order, _, ctx) => ctx.loaders.shipmentsOfOrder.load(order.id),
};
