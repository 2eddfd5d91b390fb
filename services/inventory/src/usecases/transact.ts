import {
  transactRetrying,
  type Emit,
  type ServiceRuntime,
  type UnitOfWork,
} from "@waybill/service";
import type { Announcement } from "../store/books.ts";
import { StockConflictError } from "../store/conflict.ts";

/**
 * Runs a stock-changing mutation in a transaction, again when another writer changed the same
 * SKU in between (StockConflictError).
 */
export const transactStock = <R>(runtime: ServiceRuntime, fn: (work: UnitOfWork) => Promise<R>) =>
  transactRetrying(runtime, (error) => error instanceof StockConflictError, fn);

/** Emits one `inventory.stock.reserved` per order for the announced lines, in line order. */
export async function announce(emit: Emit, announcements: Announcement[]): Promise<void> {
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
