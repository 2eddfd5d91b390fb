import type { ListOrder } from "@waybill/graphql";

/** Webhook receipts: newest first, ties by id. */
export const RECEIPTS_NEWEST_FIRST = [
  { field: "receivedAt", direction: -1, kind: "date" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;
