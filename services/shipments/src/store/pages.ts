import type { ListOrder } from "@waybill/graphql";

/** An order's shipments: oldest first, ties by id. */
export const SHIPMENTS_OLDEST_FIRST = [
  { field: "shippedAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;

/** Parked milestones: oldest first, ties by id. */
export const PARKED_OLDEST_FIRST = [
  { field: "parkedAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;

/**
 * A shipment's milestones, held on its document: in the order they happened as far as shipments
 * can know (`orderedAt`: the occurrence, never after the receipt), then by occurrence, ties by id.
 */
export const MILESTONES_AS_HAPPENED = [
  { field: "orderedAt", direction: 1, kind: "date" },
  { field: "occurredAt", direction: 1, kind: "date" },
  { field: "id", direction: 1, kind: "string" },
] as const satisfies ListOrder;

/** A shipment's carrier charges: oldest first, ties by id. */
export const CHARGES_OLDEST_FIRST = [
  { field: "recordedAt", direction: 1, kind: "date" },
  { field: "_id", direction: 1, kind: "string" },
] as const satisfies ListOrder;
