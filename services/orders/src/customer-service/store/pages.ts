import type { ListOrder } from "@waybill/graphql";

/** `serviceCases`: newest first, ties by id. */
export const CASES_NEWEST_FIRST = [
  { field: "openedAt", direction: -1, kind: "date" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;

/** An order's service cases: oldest first, ties by id. */
export const CASES_OLDEST_FIRST = [
  { field: "openedAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;
