import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { addClaim, claimId, newClaim } from "../domain/book.ts";
import { cancelClaim, settle } from "../domain/reserve.ts";
import { bookOf } from "../store/books.ts";
import type { InventoryRepository } from "../store/repository.ts";
import { announce } from "./transact.ts";

type CancelledLine = { lineId: string; sku: string; quantity: number };

/**
 * Releases the reservations of cancelled lines (RELEASE movements) and drops their backorders;
 * the freed stock then fills other orders' backorders, oldest first. A line inventory has not
 * seen yet is recorded as cancelled, so its late `orders.order.placed` reserves nothing.
 */
async function releaseLines(
  repo: InventoryRepository,
  orderId: string,
  lines: CancelledLine[],
  reason: string,
  { session, emit }: UnitOfWork,
): Promise<void> {
  const { books, claims } = await repo.loadOrderLines(orderId, lines, session);
  for (const { lineId, sku, quantity } of lines) {
    const { book } = bookOf(books, sku);
    const id = claimId(orderId, lineId);
    const claim = claims.get(id);
    if (claim?.status === "OPEN") cancelClaim(book, claim, `order cancelled: ${reason}`);
    if (claim) continue;
    const fields = { orderId, lineId, lineIndex: 0, sku, quantity, placedAt: new Date() };
    claims.set(id, addClaim(book, newClaim(fields, "CANCELLED")));
  }
  for (const { book } of books.values()) settle(book);
  await announce(emit, await repo.saveBooks(books.values(), session));
}

/** A whole order is cancelled: every line it names, and any other open line of the order. */
export async function releaseOrder(
  repo: InventoryRepository,
  { data }: EventOf<"orders.order.cancelled">,
  work: UnitOfWork,
): Promise<void> {
  const open = await repo.openReservationsOf(data.orderId, work.session);
  const named = new Set(data.lines.map((line) => line.lineId));
  const lines = [...data.lines, ...open.filter((claim) => !named.has(claim.lineId))];
  await releaseLines(repo, data.orderId, lines, data.reason, work);
}

/** One line of an order is cancelled. */
export function releaseLine(
  repo: InventoryRepository,
  { data }: EventOf<"orders.order_line.cancelled">,
  work: UnitOfWork,
): Promise<void> {
  return releaseLines(repo, data.orderId, [data], data.reason, work);
}
