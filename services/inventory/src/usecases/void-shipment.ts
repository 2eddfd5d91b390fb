import type { EventOf } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/bus";
import type { UnitOfWork } from "@waybill/service";
import { claimId } from "../domain/book.ts";
import { unship } from "../domain/void.ts";
import { bookOf } from "../store/books.ts";
import type { InventoryRepository } from "../store/repository.ts";
import { announce } from "./transact.ts";

/**
 * A shipment was voided before pickup: the reverse of consuming its confirmation. Its units are
 * back on hand in its warehouse and reserved again for its lines (see `unship`). Booked once per
 * shipment, whatever the event's id. A voiding whose confirmation inventory has not consumed yet
 * (the line has not shipped that much) waits for it, retried.
 */
export async function voidShipment(
  repo: InventoryRepository,
  { data }: EventOf<"shipments.shipment.voided">,
  { session, emit }: UnitOfWork,
): Promise<void> {
  const key = `void:${data.shipmentId}`;
  if (await repo.isBooked(key, session)) return;
  const { books, claims } = await repo.loadOrderLines(data.orderId, data.lines, session);
  const note = `shipment voided before pickup: ${data.reason}`;
  for (const line of data.lines) {
    const claim = claims.get(claimId(data.orderId, line.lineId));
    const { book, product } = bookOf(books, line.sku);
    if (!claim || claim.shipped < line.quantity)
      throw new RetryLaterError(`shipment ${data.shipmentId} has not been consumed yet`);
    if (!product) throw new RetryLaterError(`product ${line.sku} is not known`);
    unship(book, claim, data.warehouse, line.quantity, data.shipmentId, note);
  }
  await announce(emit, await repo.saveBooks(books.values(), session));
  await repo.markBooked(key, session);
}
