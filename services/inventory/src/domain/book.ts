import type { StockMovementKind } from "@waybill/contracts";
import type { StockRecord } from "../store/records.ts";

export type MovementKind = StockMovementKind;

export type Allocation = { warehouse: string; quantity: number };

/**
 * One order line's claim on a SKU's stock. While OPEN, `reserved + backordered + shipped` equals
 * `quantity`; FULFILLED and CANCELLED claims hold nothing.
 */
export type Claim = {
  _id: string;
  orderId: string;
  lineId: string;
  /** Position of the line in its order, for listing. */
  lineIndex: number;
  sku: string;
  /** When the order was placed: backorders are filled oldest first. */
  placedAt: Date;
  quantity: number;
  shipped: number;
  allocations: Allocation[];
  backordered: number;
  status: "OPEN" | "FULFILLED" | "CANCELLED";
};

/** A movement as the domain decides it; the store adds id, SKU and time. */
export type MovementDraft = {
  kind: MovementKind;
  warehouse: string;
  /** Units moved; for ADJUSTMENT the signed change of on hand. */
  quantity: number;
  reference: string | null;
  note: string | null;
  onHandAfter: number;
  reservedAfter: number;
};

/** A working copy of one SKU's stock and open claims, changed by the domain rules. */
export type Book = {
  sku: string;
  stock: StockRecord[];
  claims: Claim[];
  movements: MovementDraft[];
};

const oldestFirst = (a: Claim, b: Claim) =>
  a.placedAt.getTime() - b.placedAt.getTime() ||
  a.orderId.localeCompare(b.orderId) ||
  a.lineIndex - b.lineIndex;

/** Copies stock and claims so the rules never touch the caller's objects. */
export function openBook(sku: string, stock: StockRecord[], claims: Claim[]): Book {
  return {
    sku,
    stock: stock.map((level) => ({ ...level })),
    claims: claims
      .map((claim) => ({ ...claim, allocations: claim.allocations.map((a) => ({ ...a })) }))
      .sort(oldestFirst),
    movements: [],
  };
}

export const claimId = (orderId: string, lineId: string) => `${orderId}:${lineId}`;

/**
 * A claim for a line inventory has not seen before. An OPEN one starts fully backordered and
 * waits in line (oldest first) for `settle` to reserve it; a CANCELLED one records a cancellation
 * that arrived before the order, so the order reserves nothing for it later.
 */
export function newClaim(
  line: Pick<Claim, "orderId" | "lineId" | "lineIndex" | "sku" | "quantity" | "placedAt">,
  status: "OPEN" | "CANCELLED",
): Claim {
  const backordered = status === "OPEN" ? line.quantity : 0;
  return {
    _id: claimId(line.orderId, line.lineId),
    ...line,
    shipped: 0,
    allocations: [],
    backordered,
    status,
  };
}

/** Adds a claim in FIFO position. */
export function addClaim(book: Book, claim: Claim): Claim {
  const copy = { ...claim, allocations: claim.allocations.map((a) => ({ ...a })) };
  book.claims.push(copy);
  book.claims.sort(oldestFirst);
  return copy;
}

/** The stock level of a warehouse, created empty when the book has none yet. */
export function level(book: Book, warehouse: string): StockRecord {
  let found = book.stock.find((entry) => entry.warehouse === warehouse);
  if (!found) {
    found = { warehouse, onHand: 0, reserved: 0 };
    book.stock.push(found);
    book.stock.sort((a, b) => a.warehouse.localeCompare(b.warehouse));
  }
  return found;
}

export const reservedOf = (claim: Claim): number =>
  claim.allocations.reduce((sum, allocation) => sum + allocation.quantity, 0);

export const heldIn = (claim: Claim, warehouse: string): number =>
  claim.allocations.find((allocation) => allocation.warehouse === warehouse)?.quantity ?? 0;

/** Appends a movement with the warehouse's balances after it. */
export function record(
  book: Book,
  entry: Pick<MovementDraft, "kind" | "warehouse" | "quantity" | "reference" | "note">,
): void {
  const after = level(book, entry.warehouse);
  book.movements.push({ ...entry, onHandAfter: after.onHand, reservedAfter: after.reserved });
}
