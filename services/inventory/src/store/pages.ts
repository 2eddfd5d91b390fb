import type { ListOrder } from "@waybill/graphql";

/** The catalog: by SKU (the id). */
export const PRODUCTS_BY_SKU = [
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;

/** A SKU's movements: newest first, by the product version they were written with, then within. */
export const MOVEMENTS_NEWEST_FIRST = [
  { field: "version", direction: -1, kind: "number" },
  { field: "index", direction: -1, kind: "number" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;

/** Stock exceptions: oldest first, ties by id. */
export const STOCK_EXCEPTIONS_OLDEST_FIRST = [
  { field: "openedAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;
