import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/runtime";
import { RetryLaterError } from "@waybill/runtime/bus";
import { claimId } from "../domain/book.ts";
import { shipFrom } from "../domain/ship.ts";
import { claimIn, loadBook, saveBook, type Announcement } from "../store/books.ts";
import type { InventoryRepository } from "../store/repository.ts";
import { openStockException } from "./exceptions.ts";
import { announce } from "./transact.ts";

/**
 * Goods left the shipment's warehouse: the lines' reservations there are consumed and on hand
 * goes down (SHIPMENT). A line inventory has not reserved yet waits for its order (retried), so a
 * late reservation cannot set aside goods that already left. On hand never goes negative: a
 * shipment of more than was on hand is clamped and opens a SHIPMENT_SHORTFALL exception.
 */
export async function consumeShipment(
  repo: InventoryRepository,
  { data }: EventOf<"shipments.shipment.confirmed">,
  { session, emit }: UnitOfWork,
): Promise<void> {
  const announcements: Announcement[] = [];
  for (const sku of [...new Set(data.lines.map((line) => line.sku))].sort()) {
    const loaded = await loadBook(repo, sku, session);
    for (const line of data.lines.filter((entry) => entry.sku === sku)) {
      const claim = await claimIn(repo, loaded, claimId(data.orderId, line.lineId), session);
      if (!claim) {
        throw new RetryLaterError(`line ${line.lineId} of ${data.orderId} is not reserved yet`);
      }
      const before = loaded.book.stock.find((entry) => entry.warehouse === data.warehouse);
      const expected = before?.onHand ?? 0;
      const shortfall = shipFrom(
        loaded.book,
        claim,
        data.warehouse,
        line.quantity,
        data.shipmentId,
      );
      if (shortfall === 0) continue;
      await openStockException(
        repo,
        {
          kind: "SHIPMENT_SHORTFALL",
          sku,
          warehouse: data.warehouse,
          expected,
          counted: null,
          variance: -shortfall,
          reason: `shipment ${data.shipmentId} took ${line.quantity} with ${expected} on hand`,
          reference: data.shipmentId,
        },
        session,
      );
    }
    announcements.push(...(await saveBook(repo, loaded, session)));
  }
  await announce(emit, announcements);
}
