import { formatAmount } from "@waybill/contracts";
import { readable, requireStaff, visibleOnly } from "@waybill/auth";
import { codedError } from "@waybill/graphql";
import type { ShipmentsContext } from "../context.ts";
import type { ShipmentRecord } from "../store/records.ts";
import { parkedView } from "./parked.ts";
import type { OrderResolvers, QueryResolvers, ShipmentResolvers } from "../generated/resolvers.ts";

const ownerOfShipment = (shipment: ShipmentRecord) => shipment.customerId;

/** The shipments of an order the caller may see: none of someone else's order. */
async function shipmentsOfOrder(ctx: ShipmentsContext, orderId: string) {
  const shipments = await ctx.loaders.shipmentsOfOrder.load(orderId);
  return visibleOnly(ctx.principal, "shipments:read", shipments, ownerOfShipment);
}

export const Query: QueryResolvers = {
  shipment: async (_, { id }, ctx) =>
    readable(ctx.principal, "shipments:read", await ctx.loaders.shipment.load(id), ownerOfShipment),
  shipments: (_, { orderId }, ctx) => shipmentsOfOrder(ctx, orderId),
  async parkedMilestones(_, { first }, ctx) {
    // Parked milestones belong to no known shipment yet: operations staff only.
    requireStaff(ctx.principal, "shipments:read");
    const size = first ?? 100;
    if (size < 1 || size > 500)
      throw codedError("BAD_USER_INPUT", "first must be between 1 and 500");
    const parked = await ctx.repo.listParked(size);
    return parked.map(parkedView);
  },
};

export const Shipment: ShipmentResolvers = {
  __resolveReference: async (reference, ctx) =>
    readable(
      ctx.principal,
      "shipments:read",
      await ctx.loaders.shipment.load(reference.id),
      ownerOfShipment,
    ),
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
  shipments: (order, _, ctx) => shipmentsOfOrder(ctx, order.id),
};
