import { requireScope } from "@waybill/auth";
import { codedError } from "@waybill/graphql";
import type { QueryResolvers, WebhookReceiptResolvers } from "../generated/resolvers.ts";

const MAX_PAGE = 500;

export const ReceiptQuery: QueryResolvers = {
  webhookReceipts(_, { source, first }, ctx) {
    // Payloads carry customers' details and shops' data: operations staff only.
    requireScope(ctx.principal, "operations");
    const size = first ?? 50;
    if (size < 1 || size > MAX_PAGE)
      throw codedError("BAD_USER_INPUT", `first must be between 1 and ${MAX_PAGE}`);
    return ctx.repo.listReceipts(source, size);
  },
};

export const WebhookReceipt: WebhookReceiptResolvers = {
  id: (receipt) => receipt._id,
};
