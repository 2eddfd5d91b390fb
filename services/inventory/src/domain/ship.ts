import { heldIn, level, record, reservedOf, type Book, type Claim } from "./book.ts";
import { deallocate, settle } from "./reserve.ts";

/** After a shipment, a claim keeps only what its line still needs: backorder first, then stock. */
function trim(book: Book, claim: Claim, reference: string): void {
  const need = Math.max(0, claim.quantity - claim.shipped);
  let excess = reservedOf(claim) + claim.backordered - need;
  const cut = Math.min(claim.backordered, Math.max(0, excess));
  claim.backordered -= cut;
  excess -= cut;
  for (const { warehouse, quantity } of [...claim.allocations]) {
    if (excess <= 0) break;
    const take = Math.min(quantity, excess);
    deallocate(book, claim, warehouse, take, `line shipped by ${reference}`);
    excess -= take;
  }
  if (need === 0) claim.status = "FULFILLED";
}

/**
 * Goods of one order line left `warehouse` (SHIPMENT). The line's reservation there is consumed
 * first, then unreserved stock, then stock reserved for others (who are backordered by the settle
 * that follows). On hand never goes below zero: what the records did not have is returned as the
 * shortfall, for a person to look at.
 */
export function shipFrom(
  book: Book,
  claim: Claim | null,
  warehouse: string,
  quantity: number,
  reference: string,
): number {
  const entry = level(book, warehouse);
  if (claim) {
    const fromClaim = Math.min(heldIn(claim, warehouse), quantity);
    claim.allocations = claim.allocations
      .map((a) => (a.warehouse === warehouse ? { ...a, quantity: a.quantity - fromClaim } : a))
      .filter((a) => a.quantity > 0);
    entry.reserved -= fromClaim;
  }
  const taken = Math.min(quantity, entry.onHand);
  const shortfall = quantity - taken;
  entry.onHand -= taken;
  if (taken > 0) {
    const note = shortfall > 0 ? `${shortfall} more shipped than on hand` : null;
    record(book, { kind: "SHIPMENT", warehouse, quantity: taken, reference, note });
  }
  if (claim) {
    claim.shipped += quantity;
    if (claim.status === "OPEN") trim(book, claim, reference);
  }
  settle(book);
  return shortfall;
}
