// Shipments through the gateway: confirmations once shipments knows the order, and milestones.
import type { VariablesOf } from "@graphql-typed-document-node/core";
import { waitFor } from "@waybill/devtools";
import { CONFIRM_SHIPMENT, RECORD_MILESTONE } from "../documents/shipments.ts";
import { execute } from "./graphql.ts";

type ConfirmShipmentInput = VariablesOf<typeof CONFIRM_SHIPMENT>["input"];
type MilestoneInput = VariablesOf<typeof RECORD_MILESTONE>["input"];
export type MilestoneType = MilestoneInput["type"];

/**
 * Confirms a shipment, waiting while the shipments service has not yet heard of the order
 * (it learns orders from events). UNKNOWN_ORDER writes nothing, so asking again is safe.
 */
export async function confirmWhenKnown(gateway: string, input: ConfirmShipmentInput) {
  return waitFor(
    async () => {
      const { confirmShipment } = await execute(gateway, CONFIRM_SHIPMENT, { input });
      return confirmShipment.__typename === "UnknownOrderError" ? undefined : confirmShipment;
    },
    { description: "shipments to know the order", timeoutMs: 30_000, intervalMs: 100 },
  );
}

/** A `confirmShipment` input shipping one unit of a line with DHL. */
export const oneUnitShipment = (
  orderId: string,
  lineId: string,
  trackingNumber: string,
): ConfirmShipmentInput => ({
  orderId,
  warehouse: "AMS1",
  lines: [{ lineId, quantity: 1 }],
  carrier: "DHL",
  service: "Express",
  trackingNumber,
  shippedAt: new Date().toISOString(),
  shippingCharge: "4.95",
});

/** Records a milestone of a shipment at `occurredAt`, with what else the milestone carries. */
export async function milestone(
  gateway: string,
  shipmentId: string,
  type: MilestoneType,
  occurredAt: Date,
  extra: Omit<MilestoneInput, "shipmentId" | "type" | "occurredAt"> = {},
) {
  const { recordMilestone } = await execute(gateway, RECORD_MILESTONE, {
    input: { shipmentId, type, occurredAt: occurredAt.toISOString(), ...extra },
  });
  return recordMilestone;
}
