import type { Claim, MovementDraft } from "../domain/book.ts";

/** One warehouse's stock of a SKU; `revision` counts its changes (absent until the first). */
export type StockRecord = {
  warehouse: string;
  onHand: number;
  reserved: number;
  revision?: number;
};

/**
 * `_id` is the SKU. `version` grows with every change of stock or of the SKU's reservations, so a
 * writer that read an older version fails its conditional update and retries.
 */
export type ProductRecord = {
  _id: string;
  name: string;
  stock: StockRecord[];
  version: number;
  createdAt: Date;
};

/** One order line's reservation; `_id` is `<orderId>:<lineId>`. */
export type ReservationRecord = Claim & { updatedAt: Date };

/** `version` is the product version the movement was written with; `index` orders it within. */
export type MovementRecord = MovementDraft & {
  _id: string;
  sku: string;
  occurredAt: Date;
  version: number;
  index: number;
};

export type StockExceptionStatus = "OPEN" | "ACCEPTED" | "REJECTED";

/**
 * A discrepancy a person has to look at. COUNT_VARIANCE: a count too far from the records; accepting
 * applies its variance. SHIPMENT_SHORTFALL: a shipment took more than was on hand (on hand was
 * clamped at zero); resolving it only records the review.
 */
export type StockExceptionRecord = {
  _id: string;
  kind: "COUNT_VARIANCE" | "SHIPMENT_SHORTFALL";
  status: StockExceptionStatus;
  sku: string;
  warehouse: string;
  /** On hand according to the records when it was opened. */
  expected: number;
  /** What was counted; null for a shipment shortfall. */
  counted: number | null;
  /** counted - expected; negative for a shortfall. */
  variance: number;
  reason: string;
  /** The shipment, for a shortfall. */
  reference: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  comment: string | null;
};

/**
 * Another service's document whose stock effect inventory has booked: a return's receipt
 * (`_id` `return:<returnId>`) or a voided shipment (`void:<shipmentId>`). Written with the effect,
 * so the same document told again (even under another event id) changes nothing.
 */
export type BookedDocumentRecord = { _id: string; bookedAt: Date };
