import { requireScope } from "@waybill/runtime";
import type { MutationResolvers } from "../generated/resolvers.ts";
import { confirmShipment } from "../usecases/confirm-shipment.ts";
import { recordMilestone } from "../usecases/record-milestone.ts";
import { parkedView } from "./parked.ts";

export const Mutation: MutationResolvers = {
  async confirmShipment(_, { input }, ctx) {
    requireScope(ctx.principal, "shipments:write");
    const outcome = await confirmShipment(ctx, input);
    switch (outcome.kind) {
      case "confirmed":
        return { __typename: "Shipment", ...outcome.shipment };
      case "unknown_order":
        return {
          __typename: "UnknownOrderError",
          code: "UNKNOWN_ORDER",
          message: `no order with id ${outcome.orderId}`,
          orderId: outcome.orderId,
        };
      case "exceeds":
        return {
          __typename: "QuantityExceedsOrderedError",
          code: "QUANTITY_EXCEEDS_ORDERED",
          message: `line ${outcome.lineId}: ${outcome.requested} requested, ${outcome.ordered - outcome.cancelled - outcome.alreadyShipped} left to ship${outcome.cancelled ? ` (${outcome.cancelled} cancelled)` : ""}`,
          lineId: outcome.lineId,
          ordered: outcome.ordered,
          cancelled: outcome.cancelled,
          alreadyShipped: outcome.alreadyShipped,
          requested: outcome.requested,
        };
      case "invalid":
        return {
          __typename: "InvalidShipmentError",
          code: "INVALID_SHIPMENT",
          message: outcome.message,
          field: outcome.field,
        };
    }
  },
  async recordMilestone(_, { input }, ctx) {
    requireScope(ctx.principal, "milestones:write");
    const outcome = await recordMilestone(ctx, input);
    switch (outcome.kind) {
      case "applied":
        return { __typename: "Shipment", ...outcome.shipment };
      case "parked":
        return parkedView(outcome.parked);
      case "unknown_shipment":
        return {
          __typename: "UnknownShipmentError",
          code: "UNKNOWN_SHIPMENT",
          message: `no shipment with id ${outcome.shipmentId}`,
          shipmentId: outcome.shipmentId,
        };
      case "invalid":
        return {
          __typename: "InvalidMilestoneError",
          code: "INVALID_MILESTONE",
          message: outcome.message,
          field: outcome.field,
        };
    }
  },
};
