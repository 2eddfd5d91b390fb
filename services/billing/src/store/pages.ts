import type { ListOrder } from "@waybill/graphql";

/** `invoices`: newest first, ties by id. */
export const INVOICES_NEWEST_FIRST = [
  { field: "createdAt", direction: -1, kind: "date" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;

/** An order's invoices: oldest first, ties by id. */
export const INVOICES_OLDEST_FIRST = [
  { field: "createdAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;

/** `creditNotes` and `adjustmentNotes`: newest issued first, ties by id. */
export const NOTES_NEWEST_FIRST = [
  { field: "issuedAt", direction: -1, kind: "date" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;

/** An order's credit and adjustment notes: oldest issued first, ties by id. */
export const NOTES_OLDEST_FIRST = [
  { field: "issuedAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;
