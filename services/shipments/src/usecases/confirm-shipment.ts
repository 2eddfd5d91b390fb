import { randomUUID } from "node:crypto";
import { parseAmount } from "@waybill/contracts";
import { type EventData } from "@waybill/contracts";
import { newEventId, type UnitOfWork } from "@waybill/service";
import type { ConfirmShipmentInput } from "../generated/resolvers.ts";
import type { ShipmentsContext } from "../context.ts";
import type { Clock } from "../domain/clock.ts";
import { departureProblem, shipmentLines, type ConfirmRejection } from "../domain/confirm.ts";
import { trackingKey } from "../domain/tracking.ts";
import type { ShipmentRecord } from "../store/records.ts";
import type { ShipmentsRepository } from "../store/repository.ts";
import { applyParked } from "./apply-parked.ts";

export type ConfirmOutcome =
  | { kind: "confirmed"; shipment: ShipmentRecord }
  | { kind: "unknown_order"; orderId: string }
  | ConfirmRejection;

const TEXT_FIELDS = ["warehouse", "carrier", "service", "trackingNumber"] as const;

function textProblem(input: ConfirmShipmentInput): ConfirmRejection | null {
  const field = TEXT_FIELDS.find((name) => {
    const value = input[name].trim();
    return !value || value.length > 200;
  });
  return field ? { kind: "invalid", field, message: `${field} must be 1 to 200 characters` } : null;
}

/** Confirms a shipment against the order and what already shipped; emits `shipments.shipment.confirmed`. */
export function confirmShipment(
  ctx: ShipmentsContext,
  input: ConfirmShipmentInput,
): Promise<ConfirmOutcome> {
  return ctx.runtime.transact((work) => confirmIn(ctx.repo, work, input, ctx.clock()));
}

/**
 * Confirms several shipments in one transaction (one commit), each as `confirmShipment` would, in
 * input order: a later one sees what the earlier ones shipped. A rejected one leaves the others.
 */
export function confirmShipments(
  ctx: ShipmentsContext,
  inputs: readonly ConfirmShipmentInput[],
): Promise<ConfirmOutcome[]> {
  return ctx.runtime.transact(async (work) => {
    const outcomes: ConfirmOutcome[] = [];
    const clock = ctx.clock();
    for (const input of inputs) outcomes.push(await confirmIn(ctx.repo, work, input, clock));
    return outcomes;
  });
}

async function confirmIn(
  repo: ShipmentsRepository,
  work: UnitOfWork,
  input: ConfirmShipmentInput,
  clock: Clock,
): Promise<ConfirmOutcome> {
  const { session, emit } = work;
  const order = await repo.findOrder(input.orderId, session);
  if (!order) return { kind: "unknown_order", orderId: input.orderId };
  const problem = textProblem(input) ?? departureProblem(order, input.shippedAt, clock);
  if (problem) return problem;
  let shippingCharge: number;
  try {
    shippingCharge = parseAmount(input.shippingCharge, order.currency);
  } catch (error) {
    return { kind: "invalid", field: "shippingCharge", message: (error as Error).message };
  }
  if (shippingCharge < 0)
    return { kind: "invalid", field: "shippingCharge", message: "must not be negative" };
  const previous = await repo.shipmentsOfOrder(order._id, session);
  const lines = shipmentLines(order, previous, input.lines);
  if (!Array.isArray(lines)) return lines;
  const now = new Date();
  const shipment: ShipmentRecord = {
    _id: `shp_${randomUUID()}`,
    orderId: order._id,
    customerId: order.customerId,
    warehouse: input.warehouse.trim(),
    lines,
    carrier: input.carrier.trim(),
    service: input.service.trim(),
    trackingNumber: input.trackingNumber.trim(),
    trackingKey: trackingKey(input.carrier, input.trackingNumber),
    shippedAt: input.shippedAt,
    shippingCharge,
    currency: order.currency,
    status: "SHIPPED",
    milestones: [],
    confirmedAt: now,
    confirmedEventId: newEventId(),
  };
  await repo.addShipment(shipment, session);
  await emit("shipments.shipment.confirmed", shipment._id, confirmedEvent(shipment), {
    id: shipment.confirmedEventId,
  });
  return { kind: "confirmed", shipment: await applyParked(repo, shipment, work) };
}

/** What `shipments.shipment.confirmed` tells of a shipment; the same when it is published again. */
export const confirmedEvent = (
  shipment: ShipmentRecord,
): EventData<"shipments.shipment.confirmed"> => ({
  shipmentId: shipment._id,
  orderId: shipment.orderId,
  customerId: shipment.customerId,
  warehouse: shipment.warehouse,
  lines: shipment.lines,
  carrier: shipment.carrier,
  service: shipment.service,
  trackingNumber: shipment.trackingNumber,
  shippedAt: shipment.shippedAt.toISOString(),
  shippingCharge: { amount: shipment.shippingCharge, currency: shipment.currency },
});
