import type { ReturnDisposition } from "@waybill/contracts";
import type { ReturnRecord, ShippedProjection } from "../store/records.ts";
import { returnedOf, shippedOf, type ReturnRejection } from "./return-lines.ts";

export type ReceiptLine = { lineId: string; received: number; disposition: ReturnDisposition };

/** What the warehouse says arrived, before it is checked against the return. */
export type Receipt = { warehouse: string; lines: readonly ReceiptLine[] };

const MAX_WAREHOUSE = 32;

/**
 * Checks a receipt against the return's own lines: a warehouse, and every line of the return
 * exactly once with a whole number of units from zero. Returns the receipt in the return's line
 * order, with the warehouse trimmed.
 */
export function checkReceipt(
  record: ReturnRecord,
  receipt: Receipt,
): { warehouse: string; lines: ReceiptLine[] } | ReturnRejection {
  const warehouse = receipt.warehouse.trim();
  if (!warehouse || warehouse.length > MAX_WAREHOUSE)
    return {
      kind: "invalid",
      field: "warehouse",
      message: `warehouse must be 1 to ${MAX_WAREHOUSE} characters`,
    };
  const given = new Map<string, ReceiptLine>();
  for (const [index, line] of receipt.lines.entries()) {
    const field = `lines.${index}`;
    if (!record.lines.some((own) => own.lineId === line.lineId))
      return {
        kind: "invalid",
        field: `${field}.lineId`,
        message: `line ${line.lineId} is not a line of return ${record._id}`,
      };
    if (given.has(line.lineId))
      return {
        kind: "invalid",
        field: `${field}.lineId`,
        message: `line ${line.lineId} is given more than once`,
      };
    if (!Number.isInteger(line.received) || line.received < 0)
      return {
        kind: "invalid",
        field: `${field}.received`,
        message: "received must be a whole number from 0",
      };
    given.set(line.lineId, line);
  }
  const lines: ReceiptLine[] = [];
  for (const own of record.lines) {
    const line = given.get(own.lineId);
    if (!line)
      return {
        kind: "invalid",
        field: "lines",
        message: `line ${own.lineId} of the return is missing`,
      };
    lines.push(line);
  }
  return { warehouse, lines };
}

/**
 * More may arrive than was asked for (a customer sends an extra unit): accepted while the order
 * line's returns, this receipt counted at what arrived, stay within what shipped.
 */
export function receiptWithinShipped(
  record: ReturnRecord,
  lines: readonly ReceiptLine[],
  shipped: ShippedProjection | null,
  returns: readonly ReturnRecord[],
): ReturnRejection | null {
  const others = returns.filter((other) => other._id !== record._id);
  for (const [index, line] of lines.entries()) {
    const asked = record.lines[index]?.quantity ?? 0;
    if (line.received <= asked) continue;
    const sent = shipped ? shippedOf(shipped, line.lineId) : 0;
    const alreadyReturned = returnedOf(others, line.lineId);
    if (alreadyReturned + line.received > sent)
      return {
        kind: "exceeds",
        lineId: line.lineId,
        shipped: sent,
        alreadyReturned,
        requested: line.received,
      };
  }
  return null;
}

/** Whether a receipt says what the return's stored receipt says (a retry of the same receipt). */
export function sameReceipt(
  record: ReturnRecord,
  receipt: { warehouse: string; lines: readonly ReceiptLine[] },
): boolean {
  return (
    record.warehouse === receipt.warehouse &&
    record.lines.every(
      (own, index) =>
        own.received === receipt.lines[index]?.received &&
        own.disposition === receipt.lines[index]?.disposition,
    )
  );
}
