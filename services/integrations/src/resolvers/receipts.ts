import { requireScope } from "@waybill/auth";
import { paged } from "@waybill/graphql";
import type { QueryResolvers, WebhookReceiptResolvers } from "../generated/resolvers.ts";
import { RECEIPTS_NEWEST_FIRST } from "../store/pages.ts";

export const ReceiptQuery: QueryResolvers = {
  webhookReceipts(_, { source, ...args }, ctx) {
    // Payloads carry customers' details and shops' data: operations staff only.
    requireScope(ctx.principal, "operations");
    return paged(args, RECEIPTS_NEWEST_FIRST, (page) => ctx.repo.receiptsPage(source, page));
  },
};

export const WebhookReceipt: WebhookReceiptResolvers = {
  id: (receipt) => receipt._id,
};
