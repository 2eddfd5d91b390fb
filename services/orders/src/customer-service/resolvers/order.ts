import { requireScope } from "@waybill/auth";
import { pageOf, paged } from "@waybill/graphql";
import type { OrderResolvers } from "../../generated/resolvers.ts";
import { ENTRIES_BY_TIME, entriesPage } from "../domain/timeline.ts";
import { CASES_OLDEST_FIRST } from "../store/pages.ts";

/** The fields customer service adds to an order: its timeline and its service cases. */
export const OrderCustomerService: Pick<OrderResolvers, "timeline" | "serviceCases"> = {
  timeline: (order, args) => entriesPage(order.timeline, pageOf(args, ENTRIES_BY_TIME)),
  serviceCases(order, args, ctx) {
    requireScope(ctx.principal, "cases:read");
    return paged(args, CASES_OLDEST_FIRST, (page) =>
      ctx.loaders.casesOfOrder.load({ parent: order._id, page }),
    );
  },
};
