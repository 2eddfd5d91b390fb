import { formatAmount } from "@waybill/contracts";
import { readable, requireStaff, visibleOnly } from "@waybill/auth";
import { codedError, pageOf, pageOfArray, paged, type PageArgs } from "@waybill/graphql";
import { orderedAt } from "../domain/status-machine.ts";
import { trackingNumberSpellings } from "../domain/tracking.ts";
import type { ShipmentsContext } from "../context.ts";
import {
  CHARGES_OLDEST_FIRST,
  MILESTONES_AS_HAPPENED,
  PARKED_OLDEST_FIRST,
  SHIPMENTS_OLDEST_FIRST,
} from "../store/pages.ts";
import type { ShipmentRecord } from "../store/records.ts";
import { parkedView } from "./parked.ts";
import type {
  CarrierChargeResolvers,
  OrderResolvers,
  QueryResolvers,
  ShipmentResolvers,
} from "../generated/resolvers.ts";

/** Carriers recycle tracking numbers: a search shows this many of the newest shipments with one. */
const TRACKING_MATCHES = 20;

const ownerOfShipment = (shipment: ShipmentRecord) => shipment.customerId;

/** A page of the shipments of an order the caller may see: none of someone else's order. */
function shipmentsOfOrder(ctx: ShipmentsContext, orderId: string, args: PageArgs) {
  return paged(args, SHIPMENTS_OLDEST_FIRST, async (page) =>
    visibleOnly(
      ctx.principal,
      "shipments:read",
      await ctx.loaders.shipmentsOfOrder.load({ parent: orderId, page }),
      ownerOfShipment,
    ),
  );
}

export const Query: QueryResolvers = {
  shipment: async (_, { id }, ctx) =>
    readable(ctx.principal, "shipments:read", await ctx.loaders.shipment.load(id), ownerOfShipment),
  shipments: (_, { orderId, ...args }, ctx) => shipmentsOfOrder(ctx, orderId, args),
  shipmentsByTrackingNumber: async (_, { trackingNumber }, ctx) =>
    visibleOnly(
      ctx.principal,
      "shipments:read",
      await ctx.repo.byTrackingNumber(trackingNumberSpellings(trackingNumber), TRACKING_MATCHES),
      ownerOfShipment,
    ),
  async parkedMilestones(_, args, ctx) {
    // Parked milestones belong to no known shipment yet: operations staff only.
    requireStaff(ctx.principal, "shipments:read");
    const parked = await paged(args, PARKED_OLDEST_FIRST, (page) => ctx.repo.parkedPage(page));
    return {
      ...parked,
      edges: parked.edges.map(({ cursor, node }) => ({ cursor, node: parkedView(node) })),
    };
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
  milestones: (shipment, args) =>
    pageOfArray(
      shipment.milestones,
      pageOf(args, MILESTONES_AS_HAPPENED),
      MILESTONES_AS_HAPPENED,
      (milestone) => [new Date(orderedAt(milestone)), milestone.occurredAt, milestone.id],
    ),
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
  charges: (shipment, args, ctx) =>
    paged(args, CHARGES_OLDEST_FIRST, (page) =>
      ctx.loaders.chargesOfShipment.load({ parent: shipment._id, page }),
    ),
  fulfilmentCost: (shipment) => ({
    amount: formatAmount(shipment.fulfilmentCost ?? 0, shipment.currency),
    currency: shipment.currency,
  }),
};

export const CarrierCharge: CarrierChargeResolvers = {
  id: (charge) => charge._id,
  async shipment(charge, _, ctx) {
    const shipment = await ctx.loaders.shipment.load(charge.shipmentId);
    if (!shipment) throw codedError("NOT_FOUND", `shipment ${charge.shipmentId} is missing`);
    return shipment;
  },
  amount: (charge) => ({
    amount: formatAmount(charge.amount, charge.currency),
    currency: charge.currency,
  }),
};

export const Order: OrderResolvers = {
  shipments: (order, args, ctx) => shipmentsOfOrder(ctx, order.id, args),
};
