import type { ListOrder } from "@waybill/graphql";

/** Returns (of an order, or waiting to be received): oldest first, ties by id. */
export const RETURNS_OLDEST_FIRST = [
  { field: "requestedAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;
