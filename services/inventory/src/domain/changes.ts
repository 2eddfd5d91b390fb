import type { StockRecord } from "../store/records.ts";
import { reservedOf, type Claim } from "./book.ts";

/** A line whose reservation grew or whose backorder grew, for `inventory.stock.reserved`. */
export type Announcement = {
  orderId: string;
  lineId: string;
  lineIndex: number;
  sku: string;
  reserved: number;
  backordered: number;
};

const allocationsText = (claim: Claim) =>
  claim.allocations.map((a) => `${a.warehouse}=${a.quantity}`).join(",");

/** Whether a claim changed in what the store keeps of it. */
export function sameClaim(a: Claim, b: Claim): boolean {
  return (
    a.status === b.status &&
    a.shipped === b.shipped &&
    a.backordered === b.backordered &&
    allocationsText(a) === allocationsText(b)
  );
}

/**
 * What `inventory.stock.reserved` says about a claim after a change: a new open claim always; an
 * existing one when its reservation grew (`reserved` is the growth) or its backorder grew.
 * `backordered` is always the line's backorder now.
 */
export function announcement(claim: Claim, before: Claim | undefined): Announcement | null {
  const grown = reservedOf(claim) - (before ? reservedOf(before) : 0);
  const newBackorder = claim.backordered > (before?.backordered ?? 0);
  if (claim.status !== "OPEN" || (grown <= 0 && !newBackorder && before)) return null;
  const { orderId, lineId, lineIndex, sku, backordered } = claim;
  return { orderId, lineId, lineIndex, sku, reserved: Math.max(0, grown), backordered };
}

/** A warehouse's stock of a SKU after a change, for `inventory.stock_level.changed`. */
export type LevelChange = {
  sku: string;
  warehouse: string;
  onHand: number;
  reserved: number;
  revision: number;
};

/**
 * The stock to keep after a change from `before` to `after`, each level whose on hand or reserved
 * moved one revision further, and those levels as changes. A level absent before was empty.
 */
export function reviseLevels(
  sku: string,
  before: readonly StockRecord[],
  after: readonly StockRecord[],
): { stock: StockRecord[]; changes: LevelChange[] } {
  const changes: LevelChange[] = [];
  const stock = after.map((level) => {
    const was = before.find((entry) => entry.warehouse === level.warehouse);
    const { onHand: wasOnHand = 0, reserved: wasReserved = 0 } = was ?? {};
    // The book's copy of an unchanged level still carries its revision.
    if (wasOnHand === level.onHand && wasReserved === level.reserved) return level;
    const revised = { ...level, revision: (was?.revision ?? 0) + 1 };
    const { warehouse, onHand, reserved, revision } = revised;
    changes.push({ sku, warehouse, onHand, reserved, revision });
    return revised;
  });
  return { stock, changes };
}
