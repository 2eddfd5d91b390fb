import { available } from "./stock.ts";
import { heldIn, level, record, type Book, type Claim } from "./book.ts";

/** Moves `quantity` of a warehouse's stock into a claim's allocation (RESERVATION). */
function allocate(book: Book, claim: Claim, warehouse: string, quantity: number): void {
  const found = claim.allocations.find((allocation) => allocation.warehouse === warehouse);
  if (found) found.quantity += quantity;
  else {
    claim.allocations.push({ warehouse, quantity });
    claim.allocations.sort((a, b) => a.warehouse.localeCompare(b.warehouse));
  }
  level(book, warehouse).reserved += quantity;
  record(book, { kind: "RESERVATION", warehouse, quantity, reference: claim.orderId, note: null });
}

/** Gives back `quantity` of a claim's allocation in a warehouse (RELEASE). */
export function deallocate(
  book: Book,
  claim: Claim,
  warehouse: string,
  quantity: number,
  note: string,
): void {
  if (quantity <= 0) return;
  const held = heldIn(claim, warehouse);
  if (quantity > held) throw new RangeError(`claim ${claim._id} holds ${held} in ${warehouse}`);
  claim.allocations = claim.allocations
    .map((a) => (a.warehouse === warehouse ? { ...a, quantity: a.quantity - quantity } : a))
    .filter((a) => a.quantity > 0);
  level(book, warehouse).reserved -= quantity;
  record(book, { kind: "RELEASE", warehouse, quantity, reference: claim.orderId, note });
}

/**
 * Reserves up to `quantity` for a claim from available stock, taking the warehouse with the most
 * available first (ties by code, so the choice is deterministic); what does not fit is backordered.
 */
export function reserve(book: Book, claim: Claim, quantity: number): void {
  let wanted = quantity;
  const candidates = book.stock
    .filter((entry) => available(entry) > 0)
    .sort((a, b) => available(b) - available(a) || a.warehouse.localeCompare(b.warehouse));
  for (const entry of candidates) {
    if (wanted === 0) break;
    const take = Math.min(wanted, available(entry));
    allocate(book, claim, entry.warehouse, take);
    wanted -= take;
  }
  claim.backordered += wanted;
}

/**
 * Reserves `quantity` for a claim in `warehouse` first, as far as it has stock available, and the
 * rest like `reserve` (other warehouses, then backorder).
 */
export function reserveIn(book: Book, claim: Claim, warehouse: string, quantity: number): void {
  const here = Math.min(quantity, available(level(book, warehouse)));
  if (here > 0) allocate(book, claim, warehouse, here);
  if (quantity > here) reserve(book, claim, quantity - here);
}

/** Releases everything a claim holds and drops its backorder; it then holds nothing. */
export function cancelClaim(book: Book, claim: Claim, note: string): void {
  for (const { warehouse, quantity } of [...claim.allocations]) {
    deallocate(book, claim, warehouse, quantity, note);
  }
  claim.backordered = 0;
  claim.status = "CANCELLED";
}

/**
 * Restores the book's invariants after its stock changed. Where reservations exceed what is on
 * hand (a count or shipment took stock away), the newest claims give back first and are
 * backordered; then backorders are filled from available stock, oldest claim first.
 */
export function settle(book: Book): void {
  for (const entry of book.stock) {
    let excess = entry.reserved - entry.onHand;
    for (const claim of [...book.claims].reverse()) {
      if (excess <= 0) break;
      const take = Math.min(heldIn(claim, entry.warehouse), excess);
      if (take === 0) continue;
      deallocate(book, claim, entry.warehouse, take, "no longer on hand: backordered");
      claim.backordered += take;
      excess -= take;
    }
  }
  for (const claim of book.claims) {
    if (claim.status !== "OPEN" || claim.backordered === 0) continue;
    const wanted = claim.backordered;
    claim.backordered = 0;
    reserve(book, claim, wanted);
  }
}

/**
 * `settle` on a book that holds only the placing order's own claims. It gives what settling the
 * whole book gives when no other claim would change, which the stock alone shows: nothing is
 * reserved beyond on hand (so `settle` takes back from no one), and since a backorder never waits
 * while stock is available, the other claims either hold all they want or nothing is left for
 * them. Otherwise returns false with the book untouched: settle the whole book instead.
 */
export function settleOwn(book: Book): boolean {
  if (book.stock.some((entry) => entry.reserved > entry.onHand)) return false;
  settle(book);
  return true;
}
