import type { ReturnDisposition } from "@waybill/contracts";
import type { Book, MovementDraft } from "./book.ts";
import { receiveInto } from "./movements.ts";

/** The movement each disposition of returned units books. */
export const RETURN_MOVEMENTS = {
  RESTOCK: "RETURN_RESTOCK",
  SCRAP: "SCRAP",
  VENDOR_RETURN: "VENDOR_RETURN",
} as const satisfies Record<ReturnDisposition, MovementDraft["kind"]>;

const WRITTEN_OFF: Record<Exclude<ReturnDisposition, "RESTOCK">, string> = {
  SCRAP: "returned units written off as they arrived: on hand unchanged",
  VENDOR_RETURN: "returned units sent on to the supplier as they arrived: on hand unchanged",
};

/**
 * Returned units arrive in `warehouse`. Restocked ones go on hand like a receipt (RETURN_RESTOCK)
 * and fill backorders, oldest order first. Scrapped ones and those for the supplier never become
 * stock: one movement (SCRAP, VENDOR_RETURN) records the units received and gone in the same
 * instant, so on hand and reserved stay as they were and nothing can go negative. `reference`
 * is the return.
 */
export function bookReturnedUnits(
  book: Book,
  warehouse: string,
  disposition: ReturnDisposition,
  quantity: number,
  reference: string,
): void {
  if (quantity <= 0) return;
  if (disposition === "RESTOCK") {
    receiveInto(book, warehouse, quantity, RETURN_MOVEMENTS.RESTOCK, reference);
    return;
  }
  // No stock level is opened for a warehouse that only wrote returned units off.
  const entry = book.stock.find((candidate) => candidate.warehouse === warehouse);
  book.movements.push({
    kind: RETURN_MOVEMENTS[disposition],
    warehouse,
    quantity,
    reference,
    note: WRITTEN_OFF[disposition],
    onHandAfter: entry?.onHand ?? 0,
    reservedAfter: entry?.reserved ?? 0,
  });
}
