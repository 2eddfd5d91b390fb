import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { isSettled } from "../domain/invoice-status.ts";
import { caseKindOfMilestone } from "../domain/service-case.ts";
import {
  describeMilestone,
  newShipmentSummary,
  withMilestone,
} from "../domain/shipment-summary.ts";
import type { OrdersRepository } from "../store/repository.ts";
import type { TimelineRecord } from "../store/records.ts";
import { orderOf, recorded, replaceShipment, saveDerived, shipmentOf } from "./apply.ts";
import { openOrNote, settleCases } from "./cases.ts";

/**
 * Records a shipment on its order. A shipment of a line cancelled meanwhile (the warehouse raced
 * the cancellation) is recorded all the same, and opens a service case.
 */
export async function onShipmentConfirmed(
  repo: OrdersRepository,
  { data }: EventOf<"shipments.shipment.confirmed">,
  { session }: UnitOfWork,
): Promise<void> {
  const order = await orderOf(repo, data.orderId, session);
  if (order.shipments.some((shipment) => shipment.id === data.shipmentId)) return;
  const shipment = newShipmentSummary(data);
  const units = data.lines.reduce((sum, line) => sum + line.quantity, 0);
  const entries: TimelineRecord[] = [
    {
      at: shipment.shippedAt,
      kind: "SHIPMENT_CONFIRMED",
      message: `${units} unit(s) shipped from ${data.warehouse} with ${data.carrier} ${data.service}, tracking ${data.trackingNumber}`,
      reference: data.shipmentId,
      key: `shipment:${data.shipmentId}`,
    },
  ];
  const cancelled = data.lines.filter((shipped) =>
    order.lines.some((line) => line.id === shipped.lineId && line.cancelledQuantity > 0),
  );
  if (cancelled.length > 0) {
    const skus = cancelled.map((line) => `${line.quantity} x ${line.sku}`).join(", ");
    const subject = `${data.carrier} ${data.trackingNumber} shipped cancelled line(s): ${skus}`;
    const target = { order, shipment };
    entries.push(
      ...(await openOrNote(
        repo,
        session,
        target,
        "SHIPPED_AFTER_CANCELLATION",
        subject,
        shipment.shippedAt,
      )),
    );
  }
  await saveDerived(
    repo,
    { ...order, shipments: [...order.shipments, shipment] },
    entries,
    session,
  );
}

/** Adds a milestone to its shipment's summary and timeline; exceptions and failed attempts open cases. */
export async function onMilestoneRecorded(
  repo: OrdersRepository,
  { data }: EventOf<"shipments.milestone.recorded">,
  { session }: UnitOfWork,
): Promise<void> {
  const order = await orderOf(repo, data.orderId, session);
  const key = `milestone:${data.milestoneId}`;
  if (recorded(order, key)) return;
  const shipment = withMilestone(shipmentOf(order, data.shipmentId), data);
  const at = new Date(data.occurredAt);
  const message = describeMilestone(data);
  const entries: TimelineRecord[] = [
    { at, kind: "MILESTONE", message, reference: data.shipmentId, key },
  ];
  const kind = caseKindOfMilestone(data.type);
  // Nothing to follow up once the shipment is delivered and billed (an old exception arriving late).
  if (kind && !isSettled(shipment)) {
    const subject = `${data.carrier} ${data.trackingNumber}: ${message}`;
    entries.push(...(await openOrNote(repo, session, { order, shipment }, kind, subject, at)));
  }
  entries.push(...(await settleCases(repo, session, shipment)));
  await saveDerived(repo, replaceShipment(order, shipment), entries, session);
}
