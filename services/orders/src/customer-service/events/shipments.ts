import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { describeMilestone } from "../domain/milestone.ts";
import { caseKindOfMilestone } from "../domain/service-case.ts";
import { isSettled, newShipmentContext, withMilestone } from "../domain/shipment-context.ts";
import type { CustomerServiceRepository } from "../store/repository.ts";
import type { TimelineEntry } from "../store/records.ts";
import { closeVoidedCases, openOrNote, settleCases } from "./cases.ts";
import { knownOrder, knownShipment, recorded } from "./known.ts";

/**
 * Puts a shipment on its order's timeline. A shipment of a line cancelled meanwhile (the warehouse
 * raced the cancellation) opens a case.
 */
export async function onShipmentConfirmed(
  repo: CustomerServiceRepository,
  { data }: EventOf<"shipments.shipment.confirmed">,
  work: UnitOfWork,
): Promise<void> {
  const { session } = work;
  const shippedAt = new Date(data.shippedAt);
  const units = data.lines.reduce((sum, line) => sum + line.quantity, 0);
  const entry: TimelineEntry = {
    at: shippedAt,
    kind: "SHIPMENT_CONFIRMED",
    message: `${units} unit(s) shipped from ${data.warehouse} with ${data.carrier} ${data.service}, tracking ${data.trackingNumber}`,
    reference: data.shipmentId,
    key: `shipment:${data.shipmentId}`,
  };
  const order = await knownOrder(repo, data.orderId, session);
  if (recorded(order, entry.key)) return;
  const shipment = newShipmentContext(data);
  const entries: TimelineEntry[] = [entry];
  const cancelled = data.lines.filter((shipped) =>
    order.lines.some((line) => line.id === shipped.lineId && line.cancelledQuantity > 0),
  );
  if (cancelled.length > 0) {
    const skus = cancelled.map((line) => `${line.quantity} x ${line.sku}`).join(", ");
    const subject = `${data.carrier} ${data.trackingNumber} shipped cancelled line(s): ${skus}`;
    entries.push(
      ...(await openOrNote(repo, work, shipment, "SHIPPED_AFTER_CANCELLATION", subject, shippedAt)),
    );
  }
  await repo.record(data.orderId, { entries, shipment }, session);
}

/** Puts a milestone on the timeline; exceptions and failed attempts open cases. */
export async function onMilestoneRecorded(
  repo: CustomerServiceRepository,
  { data }: EventOf<"shipments.milestone.recorded">,
  work: UnitOfWork,
): Promise<void> {
  const { session } = work;
  const order = await knownOrder(repo, data.orderId, session);
  const known = knownShipment(order, data.shipmentId);
  const at = new Date(data.occurredAt);
  const message = describeMilestone(data);
  const entry: TimelineEntry = {
    at,
    kind: "MILESTONE",
    message,
    reference: data.shipmentId,
    key: `milestone:${data.milestoneId}`,
  };
  if (recorded(order, entry.key)) return;
  const shipment = withMilestone(known, data);
  const entries: TimelineEntry[] = [entry];
  const kind = caseKindOfMilestone(data.type);
  // Nothing to follow up once the shipment is delivered and billed (an old exception arriving late).
  if (kind && !isSettled(shipment)) {
    const subject = `${data.carrier} ${data.trackingNumber}: ${message}`;
    entries.push(...(await openOrNote(repo, work, shipment, kind, subject, at)));
  }
  entries.push(...(await settleCases(repo, work, shipment)));
  await repo.record(data.orderId, { entries, shipment }, session);
}

/** Puts a shipment's void on the timeline once and resolves the shipment's open cases. */
export async function onShipmentVoided(
  repo: CustomerServiceRepository,
  { data }: EventOf<"shipments.shipment.voided">,
  work: UnitOfWork,
): Promise<void> {
  const { session } = work;
  const order = await knownOrder(repo, data.orderId, session);
  const shipment = knownShipment(order, data.shipmentId);
  const units = data.lines.reduce((sum, line) => sum + line.quantity, 0);
  const entry: TimelineEntry = {
    at: new Date(data.voidedAt),
    kind: "SHIPMENT_VOIDED",
    message: `Shipment ${shipment.carrier} ${shipment.trackingNumber} voided before pickup (${units} unit(s) to ship again): ${data.reason}`,
    reference: data.shipmentId,
    key: `shipment:${data.shipmentId}:voided`,
  };
  if (recorded(order, entry.key)) return;
  const closed = await closeVoidedCases(repo, work, shipment, entry.at);
  await repo.record(data.orderId, { entries: [entry, ...closed], shipment }, session);
}
