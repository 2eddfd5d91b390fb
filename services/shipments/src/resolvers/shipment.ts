import { formatAmount } from "@waybill/contracts";
import { codedError } from "@waybill/runtime";
import { parkedView } from "./parked.ts";
import type { OrderResolvers, QueryResolvers, ShipmentResolvers } from "../generated/resolvers.ts";

export const Query: QueryResolvers = {
  shipment: (_, { id }, ctx) => ctx.loaders.shipment.load(id),
  shipments: (_, { orderId }, ctx) => ctx.loaders.shipmentsOfOrder.load(orderId),
  async parkedMilestones(_, { first }, ctx) {
    const size = first ?? 100;
    if (size < 1 || size > 500)
      throw codedError("BAD_USER_INPUT", "first must be between 1 and 500");
    const parked = await ctx.repo.parked.find({}, { sort: { parkedAt: 1 }, limit: size });
    return parked.map(parkedView);
  },
};

export const Shipment: ShipmentResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.shipment.load(reference.id),
  id: (shipment) => shipment._id,
  order: (shipment) => ({ __typename: "Order", id: shipment.orderId }),
  proofOfDelivery(shipment) {
    const proof = shipment.milestones.find((milestone) => milestone.type === "PROOF_OF_DELIVERY");
    return proof
      ? {
          signedBy: proof.signedBy,
          photoReference: proof.photoReference,
          occurredAt: proof.occurredAt,
        }
      : null;
  },
  shippingCharge: (shipment) => ({
    amount: formatAmount(shipment.shippingCharge, shipment.currency),
    currency: shipment.currency,
  }),
};

export const Order: OrderResolvers = {
  shipments: (order, _, ctx) => ctx.loaders.shipmentsOfOrder.load(order.id),
};
