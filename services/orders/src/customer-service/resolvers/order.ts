import { requireScope } from "@waybill/auth";
import type { OrderResolvers } from "../../generated/resolvers.ts";
import { chronological } from "../domain/timeline.ts";

/** The fields customer service adds to an order: its timeline and its service cases. */
export const OrderCustomerService: Pick<OrderResolvers, "timeline" | "serviceCases"> = {
  timeline: (order) => chronological(order.timeline),
  serviceCases(order, _, ctx) {
    requireScope(ctx.principal, "cases:read");
    return ctx.loaders.casesOfOrder.load(order._id);
  },
};
