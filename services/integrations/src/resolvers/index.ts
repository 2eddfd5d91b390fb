import { DateTime } from "@waybill/graphql";
import type { Resolvers } from "../generated/resolvers.ts";
import { ReceiptQuery, WebhookReceipt } from "./receipts.ts";

export const resolvers: Resolvers = {
  DateTime,
  Query: { ...ReceiptQuery },
  WebhookReceipt,
};
