import {
  transactRetrying,
  type Emit,
  type ServiceRuntime,
  type UnitOfWork,
} from "@waybill/service";
import { available } from "../domain/stock.ts";
import type { Announcement } from "../store/books.ts";
import { StockConflictError } from "../store/conflict.ts";
import type { SavedBooks } from "../store/save-books.ts";

/**
 * Runs a stock-changing mutation in a transaction, again when another writer changed the same
 * SKU in between (StockConflictError).
 */
export const transactStock = <R>(runtime: ServiceRuntime, fn: (work: UnitOfWork) => Promise<R>) =>
  transactRetrying(runtime, (error) => error instanceof StockConflictError, fn);

/**
 * Tells what a save changed: one `inventory.stock.reserved` per order for the announced lines, in
 * line order, then one `inventory.stock_level.changed` per stock level that moved.
 */
export async function announce(emit: Emit, saved: SavedBooks): Promise<void> {
  await announceReserved(emit, saved.announcements);
  const changedAt = saved.at.toISOString();
  for (const level of saved.levels) {
    await emit("inventory.stock_level.changed", level.sku, {
      ...level,
      available: available(level),
      changedAt,
    });
  }
}

async function announceReserved(emit: Emit, announcements: Announcement[]): Promise<void> {
  const byOrder = new Map<string, Announcement[]>();
  for (const entry of announcements) {
    byOrder.set(entry.orderId, [...(byOrder.get(entry.orderId) ?? []), entry]);
  }
  for (const [orderId, lines] of byOrder) {
    await emit("inventory.stock.reserved", orderId, {
      orderId,
      lines: lines
        .sort((a, b) => a.lineIndex - b.lineIndex)
        .map(({ lineId, sku, reserved, backordered }) => ({
          lineId,
          sku,
          reserved,
          backordered,
        })),
    });
  }
}
