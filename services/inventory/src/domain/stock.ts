import type { StockRecord } from "../store/records.ts";

export const MAX_QUANTITY = 1_000_000;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const WAREHOUSE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export type StockProblem = { field: string; message: string };

export function skuProblem(sku: string): StockProblem | null {
  return SKU.test(sku)
    ? null
    : { field: "sku", message: "sku is 1 to 64 letters, digits, '.', '_' or '-'" };
}

export function receiptProblem(warehouse: string, quantity: number): StockProblem | null {
  if (!WAREHOUSE.test(warehouse))
    return { field: "warehouse", message: "warehouse is 1 to 32 letters, digits, '.', '_' or '-'" };
  if (!Number.isInteger(quantity) || quantity <= 0 || quantity > MAX_QUANTITY) {
    return {
      field: "quantity",
      message: `quantity must be a whole number from 1 to ${MAX_QUANTITY}`,
    };
  }
  return null;
}

/** Available to promise: what is on hand and not reserved; never below zero. */
export function available(level: StockRecord): number {
  return Math.max(0, level.onHand - level.reserved);
}

/** Stock after a receipt into one warehouse. */
export function receive(stock: StockRecord[], warehouse: string, quantity: number): StockRecord[] {
  const known = stock.some((level) => level.warehouse === warehouse);
  const levels = known ? stock : [...stock, { warehouse, onHand: 0, reserved: 0 }];
  return levels.map((level) =>
    level.warehouse === warehouse ? { ...level, onHand: level.onHand + quantity } : level,
  );
}
