import type { ReturnLineInput } from "../generated/resolvers.ts";
import type { ReturnRecord, ShippedProjection } from "../store/records.ts";

export type ReturnRejection =
  | { kind: "invalid"; field: string; message: string }
  | {
      kind: "exceeds";
      lineId: string;
      shipped: number;
      alreadyReturned: number;
      requested: number;
    };

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
    const sent = shipped.lines.find((candidate) => candidate.lineId === line.lineId);
    if (!sent)
      return {
        kind: "invalid",
        field: `lines.${index}.lineId`,
        message: `line ${line.lineId} has not shipped`,
      };
    const alreadyReturned =
      previous
        .flatMap((r) => r.lines)
        .filter((r) => r.lineId === line.lineId)
        .reduce((sum, r) => sum + r.quantity, 0) +
      lines.filter((r) => r.lineId === line.lineId).reduce((sum, r) => sum + r.quantity, 0);
    if (alreadyReturned + line.quantity > sent.shipped) {
      return {
        kind: "exceeds",
        lineId: line.lineId,
        shipped: sent.shipped,
        alreadyReturned,
        requested: line.quantity,
      };
    }
    lines.push({ lineId: line.lineId, sku: sent.sku, quantity: line.quantity });
  }
  return lines;
}
