import type { ReturnLineInput } from "../generated/resolvers.ts";
import type { ReturnLineRecord, ReturnRecord, ShippedProjection } from "../store/records.ts";

export type ReturnRejection =
  | { kind: "invalid"; field: string; message: string }
  | {
      kind: "exceeds";
      lineId: string;
      shipped: number;
      alreadyReturned: number;
      requested: number;
    };

/**
 * What a return counts against an order line's shipped quantity: a requested return what it asks
 * for, a received (or closed) one what arrived, a cancelled one nothing.
 */
export function countedOf(record: Pick<ReturnRecord, "status">, line: ReturnLineRecord): number {
  switch (record.status) {
    case "REQUESTED":
      return line.quantity;
    case "RECEIVED":
    case "CLOSED":
      return line.received ?? line.quantity;
    case "CANCELLED":
      return 0;
  }
}

/** Units of an order line the returns count, over all of them. */
export function returnedOf(returns: readonly ReturnRecord[], lineId: string): number {
  return returns
    .flatMap((record) =>
      record.lines.filter((line) => line.lineId === lineId).map((line) => countedOf(record, line)),
    )
    .reduce((sum, units) => sum + units, 0);
}

/** What shipped of an order line; 0 for a line that has not (or no longer) shipped. */
export const shippedOf = (shipped: ShippedProjection, lineId: string): number =>
  shipped.lines.find((line) => line.lineId === lineId)?.shipped ?? 0;

/** A return never takes back more than shipped minus already returned, per order line. */
export function returnLines(
  shipped: ShippedProjection,
  previous: ReturnRecord[],
  requested: ReturnLineInput[],
): ReturnRecord["lines"] | ReturnRejection {
  if (requested.length === 0)
    return { kind: "invalid", field: "lines", message: "a return needs at least one line" };
  const lines: ReturnRecord["lines"] = [];
  for (const [index, line] of requested.entries()) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      return {
        kind: "invalid",
        field: `lines.${index}.quantity`,
        message: "quantity must be a positive whole number",
      };
    }
    if (lines.some((earlier) => earlier.lineId === line.lineId))
      return {
        kind: "invalid",
        field: `lines.${index}.lineId`,
        message: `line ${line.lineId} is given more than once`,
      };
    const sent = shipped.lines.find((candidate) => candidate.lineId === line.lineId);
    if (!sent || sent.shipped === 0)
      return {
        kind: "invalid",
        field: `lines.${index}.lineId`,
        message: `line ${line.lineId} has not shipped`,
      };
    const alreadyReturned = returnedOf(previous, line.lineId);
    if (alreadyReturned + line.quantity > sent.shipped) {
      return {
        kind: "exceeds",
        lineId: line.lineId,
        shipped: sent.shipped,
        alreadyReturned,
        requested: line.quantity,
      };
    }
    lines.push({
      lineId: line.lineId,
      sku: sent.sku,
      quantity: line.quantity,
      received: null,
      disposition: null,
    });
  }
  return lines;
}
