import type { ListOrder } from "@waybill/graphql";

/** Webhook receipts: newest first, ties by id. */
export const RECEIPTS_NEWEST_FIRST = [
  { field: "receivedAt", direction: -1, kind: "date" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;

/** Webhook endpoints: oldest first. */
export const ENDPOINTS_OLDEST_FIRST = [
  { field: "createdAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;

/** An endpoint's deliveries: newest first. */
export const DELIVERIES_NEWEST_FIRST = [
  { field: "sequence", direction: -1, kind: "number" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;

/** A connector's deliveries: newest first. */
export const CONNECTOR_DELIVERIES_NEWEST_FIRST = [
  { field: "sequence", direction: -1, kind: "number" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;
