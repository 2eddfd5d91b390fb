import { requireScope } from "@waybill/auth";
import { codedError } from "@waybill/graphql";
import type { MutationResolvers } from "../generated/resolvers.ts";
import { confirmShipment, confirmShipments } from "../usecases/confirm-shipment.ts";
import { confirmResult } from "./confirm-result.ts";
import { recordMilestone } from "../usecases/record-milestone.ts";
import { parkedView } from "./parked.ts";
import { chargeResult, voidResult } from "./charge-and-void-results.ts";
import { mayRecordCharge, mayVoid } from "./access.ts";
import { recordCarrierCharge } from "../usecases/record-carrier-charge.ts";
import { voidShipment } from "../usecases/void-shipment.ts";

/** The most shipments one `confirmShipments` call may confirm: one transaction holds the store. */
export const MAX_CONFIRMATIONS = 500;

export const Mutation: MutationResolvers = {
  async confirmShipment(_, { input }, ctx) {
    requireScope(ctx.principal, "shipments:write");
    return confirmResult(await confirmShipment(ctx, input));
  },
  async confirmShipments(_, { inputs }, ctx) {
    requireScope(ctx.principal, "shipments:write");
    if (inputs.length > MAX_CONFIRMATIONS)
      throw codedError(
        "BAD_USER_INPUT",
        `at most ${MAX_CONFIRMATIONS} shipments per call; got ${inputs.length}`,
      );
    return (await confirmShipments(ctx, inputs)).map(confirmResult);
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
          code: outcome.code ?? "INVALID_MILESTONE",
          message: outcome.message,
          field: outcome.field,
        };
    }
  },

  async recordCarrierCharge(_, { input }, ctx) {
    mayRecordCharge(ctx.principal);
    return chargeResult(await recordCarrierCharge(ctx, input));
  },

  async voidShipment(_, { input }, ctx) {
    mayVoid(ctx.principal);
    return voidResult(await voidShipment(ctx, input));
  },
};
