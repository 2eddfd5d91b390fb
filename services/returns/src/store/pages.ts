import type { ListOrder } from "@waybill/graphql";

/** An order's returns: oldest first, ties by id. */
export const RETURNS_OLDEST_FIRST = [
  { field: "requestedAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;
