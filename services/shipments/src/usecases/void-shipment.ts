import type { VoidShipmentInput } from "../generated/resolvers.ts";
import type { ShipmentsContext } from "../context.ts";
import { voidDecision } from "../domain/void.ts";
import type { ShipmentRecord } from "../store/records.ts";

export type VoidOutcome =
  | { kind: "voided"; shipment: ShipmentRecord }
  | { kind: "unknown_shipment"; shipmentId: string }
  | { kind: "not_voidable"; shipment: ShipmentRecord; code: string; message: string }
  | { kind: "invalid"; field: string; message: string };

const MAX_REASON = 500;

/**
 * Cancels a shipment's label before pickup: its quantities are left to ship again, and
 * `shipments.shipment.voided` tells billing, inventory and orders. A voided shipment answers as it is.
 */
export function voidShipment(
  ctx: ShipmentsContext,
  input: VoidShipmentInput,
): Promise<VoidOutcome> {
  const { repo } = ctx;
  return ctx.runtime.transact(async ({ session, emit }): Promise<VoidOutcome> => {
    const reason = input.reason.trim();
    if (!reason || reason.length > MAX_REASON)
      return {
        kind: "invalid",
        field: "reason",
        message: `reason must be 1 to ${MAX_REASON} characters`,
      };
    const shipment = await repo.findShipment(input.shipmentId, session);
    if (!shipment) return { kind: "unknown_shipment", shipmentId: input.shipmentId };
    const decision = voidDecision(shipment);
    if (decision.kind === "already_voided") return { kind: "voided", shipment };
    if (decision.kind === "not_voidable") return { ...decision, shipment };
    const voidedAt = new Date();
    await repo.saveVoid(shipment._id, { voidedAt, voidReason: reason }, session);
    await emit("shipments.shipment.voided", shipment._id, {
      shipmentId: shipment._id,
      orderId: shipment.orderId,
      customerId: shipment.customerId,
      warehouse: shipment.warehouse,
      lines: shipment.lines,
      reason,
      voidedAt: voidedAt.toISOString(),
    });
    return {
      kind: "voided",
      shipment: { ...shipment, status: "VOIDED", voidedAt, voidReason: reason },
    };
  });
}
