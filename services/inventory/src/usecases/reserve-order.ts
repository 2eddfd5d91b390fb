import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/runtime";
import { addClaim, claimId, newClaim } from "../domain/book.ts";
import { settle } from "../domain/reserve.ts";
import { claimIn, loadBook, saveBook, type Announcement } from "../store/books.ts";
import type { InventoryRepository } from "../store/repository.ts";
import { announce } from "./transact.ts";

/**
 * Reserves stock for a placed order, line by line: what is available is reserved (most available
 * warehouse first), the rest is backordered and filled later, oldest order first. A SKU inventory
 * has no product for is backordered in full (the order may have raced the product's creation).
 * A line that already has a reservation (re-sent order, or a cancellation that came first) is
 * left alone.
 */
export async function reserveOrder(
  repo: InventoryRepository,
  { data }: EventOf<"orders.order.placed">,
  { session, emit }: UnitOfWork,
): Promise<void> {
  const placedAt = new Date(data.placedAt);
  const announcements: Announcement[] = [];
  for (const sku of [...new Set(data.lines.map((line) => line.sku))].sort()) {
    const loaded = await loadBook(repo, sku, session);
    for (const [lineIndex, line] of data.lines.entries()) {
      const { orderId } = data;
      const { lineId, quantity } = line;
      if (line.sku !== sku || (await claimIn(repo, loaded, claimId(orderId, lineId), session)))
        continue;
      const fields = { orderId, lineId, lineIndex, sku, quantity, placedAt };
      addClaim(loaded.book, newClaim(fields, "OPEN"));
    }
    settle(loaded.book);
    announcements.push(...(await saveBook(repo, loaded, session)));
  }
  await announce(emit, announcements);
}
