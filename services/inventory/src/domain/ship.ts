import { heldIn, level, record, reservedOf, type Book, type Claim } from "./book.ts";
import { deallocate, settle } from "./reserve.ts";
import { available } from "./stock.ts";

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

const availableIn = (book: Book): number =>
  book.stock.reduce((sum, entry) => sum + available(entry), 0);

/**
 * `shipFrom` on a book that holds only the shipping order's own claims. It gives the same result
 * as on the whole book when no other claim would change, which the stock alone shows: the
 * shipment leaves nothing reserved beyond on hand (so `settle` takes back from no one), and
 * either stock was available before it (so no other claim waits: a backorder never waits while
 * stock is available) or none is after it (so no waiting claim can be filled). Otherwise returns
 * null, leaving the book half-changed: ship from the whole book instead.
 */
export function shipFromOwn(
  book: Book,
  claim: Claim,
  warehouse: string,
  quantity: number,
  reference: string,
): number | null {
  const entry = book.stock.find((level) => level.warehouse === warehouse);
  const [onHand, reserved] = [entry?.onHand ?? 0, entry?.reserved ?? 0];
  const left = reserved - Math.min(heldIn(claim, warehouse), quantity);
  if (left > onHand - Math.min(quantity, onHand)) return null;
  if (book.stock.some((level) => level.reserved > level.onHand)) return null;
  const before = availableIn(book);
  const shortfall = shipFrom(book, claim, warehouse, quantity, reference);
  return before === 0 && availableIn(book) > 0 ? null : shortfall;
}
