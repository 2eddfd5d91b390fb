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

export function warehouseProblem(warehouse: string): StockProblem | null {
  return WAREHOUSE.test(warehouse)
    ? null
    : { field: "warehouse", message: "warehouse is 1 to 32 letters, digits, '.', '_' or '-'" };
}

function quantityProblem(field: string, value: number, min: number): StockProblem | null {
  if (Number.isInteger(value) && value >= min && value <= MAX_QUANTITY) return null;
  return { field, message: `${field} must be a whole number from ${min} to ${MAX_QUANTITY}` };
}

export function receiptProblem(warehouse: string, quantity: number): StockProblem | null {
  return warehouseProblem(warehouse) ?? quantityProblem("quantity", quantity, 1);
}

/** A cycle count: a known warehouse code, a count from zero up, and why it was taken. */
export function countProblem(
  warehouse: string,
  counted: number,
  reason: string,
): StockProblem | null {
  const problem = warehouseProblem(warehouse) ?? quantityProblem("countedQuantity", counted, 0);
  if (problem) return problem;
  return textProblem("reason", reason);
}

/** Free text of 1 to 500 characters after trimming. */
export function textProblem(field: string, value: string): StockProblem | null {
  const trimmed = value.trim();
  return trimmed && trimmed.length <= 500
    ? null
    : { field, message: `${field} must be 1 to 500 characters` };
}

/** Available to promise: what is on hand and not reserved; never below zero. */
export function available(level: StockRecord): number {
  return Math.max(0, level.onHand - level.reserved);
}
