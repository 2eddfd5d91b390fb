import { accountsOf, readable, requireScope } from "@waybill/auth";
import type { MutationResolvers } from "../generated/resolvers.ts";
import { cancelReturn } from "../usecases/cancel-return.ts";
import { receiveReturn } from "../usecases/receive-return.ts";
import { requestReturn } from "../usecases/request-return.ts";
import { alreadyReceived, invalid, lifecycleRefusal, notFound, rejection } from "./refusals.ts";
import { ownerOfReturn } from "./return.ts";

export const Mutation: MutationResolvers = {
  async requestReturn(_, { input }, ctx) {
    // A customer returns its own goods only; an unknown order is refused alike.
    const caller = requireScope(ctx.principal, "returns:write");
    if (accountsOf(caller))
      readable(
        caller,
        "returns:write",
        await ctx.repo.shippedOf(input.orderId),
        (shipped) => shipped.customerId,
      );
    const outcome = await requestReturn(ctx, input);
    switch (outcome.kind) {
      case "requested":
        return { __typename: "Return", ...outcome.record };
      case "nothing_shipped":
        return {
          __typename: "NothingShippedError",
          code: "NOTHING_SHIPPED",
          message: `nothing of order ${outcome.orderId} has shipped`,
          orderId: outcome.orderId,
        };
      case "exceeds":
      case "invalid":
        return rejection(outcome);
    }
  },

  // Receiving is the warehouse's (and administrators'), like confirming a shipment.
  async receiveReturn(_, { input }, ctx) {
    requireScope(ctx.principal, "returns:receive");
    const { returnId, warehouse, lines } = input;
    const outcome = await receiveReturn(ctx, returnId, { warehouse, lines });
    switch (outcome.kind) {
      case "received":
        return { __typename: "Return", ...outcome.record };
      case "already_received":
        return alreadyReceived(outcome.record);
      case "not_found":
      case "transition":
        return lifecycleRefusal(outcome);
      case "exceeds":
      case "invalid":
        return rejection(outcome);
    }
  },

  // Staff cancel any requested return; a customer only its own, alike refused when unknown.
  async cancelReturn(_, { input }, ctx) {
    const caller = requireScope(ctx.principal, "returns:write");
    const record = readable(
      caller,
      "returns:write",
      await ctx.repo.findReturn(input.returnId),
      ownerOfReturn,
    );
    if (!record) return notFound(input.returnId);
    const outcome = await cancelReturn(ctx, record, input.reason);
    switch (outcome.kind) {
      case "cancelled":
        return { __typename: "Return", ...outcome.record };
      case "not_found":
      case "transition":
        return lifecycleRefusal(outcome);
      case "invalid":
        return invalid(outcome);
    }
  },
};
