import type { EventOf } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/bus";
import type { UnitOfWork } from "@waybill/service";
import type { ReturnsRepository } from "../store/repository.ts";

/** A confirmed shipment adds its quantities to what shipped of each order line. */
export async function recordShipment(
  repo: ReturnsRepository,
  { data }: EventOf<"shipments.shipment.confirmed">,
  { session }: UnitOfWork,
): Promise<void> {
  const current = await repo.shippedOf(data.orderId, session);
  const lines = (current?.lines ?? []).map((line) => ({ ...line }));
  for (const line of data.lines) {
    const known = lines.find((candidate) => candidate.lineId === line.lineId);
    if (known) known.shipped += line.quantity;
    else lines.push({ lineId: line.lineId, sku: line.sku, shipped: line.quantity });
  }
  await repo.recordShipped(
    { ...current, _id: data.orderId, customerId: data.customerId, lines },
    session,
  );
}

/**
 * A voided shipment never left: its quantities no longer count as shipped, so they can no longer
 * be returned. Applied once per shipment. A voiding whose confirmation has not been counted yet
 * (shipped below what it voids) waits for it.
 */
export async function recordVoid(
  repo: ReturnsRepository,
  { data }: EventOf<"shipments.shipment.voided">,
  { session }: UnitOfWork,
): Promise<void> {
  const current = await repo.shippedOf(data.orderId, session);
  const notYet = () =>
    new RetryLaterError(`shipment ${data.shipmentId} has not been counted as shipped yet`);
  if (!current) throw notYet();
  if (current.voidedShipments?.includes(data.shipmentId)) return;
  const lines = current.lines.map((line) => ({ ...line }));
  for (const line of data.lines) {
    const known = lines.find((candidate) => candidate.lineId === line.lineId);
    if (!known || known.shipped < line.quantity) throw notYet();
    known.shipped -= line.quantity;
  }
  await repo.recordShipped(
    {
      ...current,
      lines,
      voidedShipments: [...(current.voidedShipments ?? []), data.shipmentId],
    },
    session,
  );
}
