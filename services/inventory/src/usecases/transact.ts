import type { Emit, ServiceRuntime, UnitOfWork } from "@waybill/service";
import type { Announcement } from "../store/books.ts";
import { StockConflictError } from "../store/conflict.ts";

const ATTEMPTS = 5;

/**
 * Runs a stock-changing mutation in a transaction, again when another writer changed the same
 * SKU in between (StockConflictError). Other errors, and the last conflict, go to the caller.
 */
export async function transactStock<R>(
  runtime: ServiceRuntime,
  fn: (work: UnitOfWork) => Promise<R>,
): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runtime.transact(fn);
    } catch (error) {
      if (!(error instanceof StockConflictError) || attempt >= ATTEMPTS) throw error;
      runtime.logger.info({ attempt, err: error }, "stock changed concurrently; retrying");
    }
  }
}

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
