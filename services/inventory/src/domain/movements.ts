import { level, record, type Book } from "./book.ts";
import { settle } from "./reserve.ts";

/** Goods into a warehouse (RECEIPT, or RETURN_RESTOCK for returned goods), then backorders fill. */
export function receiveInto(
  book: Book,
  warehouse: string,
  quantity: number,
  kind: "RECEIPT" | "RETURN_RESTOCK" = "RECEIPT",
  reference: string | null = null,
): void {
  level(book, warehouse).onHand += quantity;
  record(book, { kind, warehouse, quantity, reference, note: null });
  settle(book);
}

/**
 * Changes a warehouse's on hand by `delta` (ADJUSTMENT), never below zero, then settles: claims
 * that no longer fit are backordered. Returns the change actually applied.
 */
export function adjustOnHand(book: Book, warehouse: string, delta: number, note: string): number {
  const onHand = book.stock.find((entry) => entry.warehouse === warehouse)?.onHand ?? 0;
  const applied = Math.max(-onHand, delta);
  if (applied === 0) return 0;
  level(book, warehouse).onHand += applied;
  record(book, { kind: "ADJUSTMENT", warehouse, quantity: applied, reference: null, note });
  settle(book);
  return applied;
}

export type CountDecision =
  { kind: "apply"; variance: number } | { kind: "review"; variance: number };

/** A count whose variance is above the threshold (in absolute units) needs a person to review it. */
export function assessCount(onHand: number, counted: number, threshold: number): CountDecision {
  const variance = counted - onHand;
  return Math.abs(variance) > threshold
    ? { kind: "review", variance }
    : { kind: "apply", variance };
}
