import type { ListOrder } from "@waybill/graphql";

/** `orders`: newest first, ties by id. */
export const ORDERS_NEWEST_FIRST = [
  { field: "placedAt", direction: -1, kind: "date" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;

/** A customer's orders: oldest first, ties by id. */
export const ORDERS_OLDEST_FIRST = [
  { field: "placedAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;

/** `customers`: by name, ties by id. */
export const CUSTOMERS_BY_NAME = [
  { field: "name", direction: 1, kind: "string" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;
