import { randomUUID } from "node:crypto";
import { isDuplicateKeyError } from "@waybill/store";
import type { RecordCarrierChargeInput } from "../generated/resolvers.ts";
import type { ShipmentsContext } from "../context.ts";
import {
  chargeDecision,
  chargeKeyOf,
  chargeReport,
  type ChargeProblem,
} from "../domain/carrier-charge.ts";
import type { CarrierChargeRecord } from "../store/records.ts";

export type ChargeOutcome =
  | { kind: "recorded"; charge: CarrierChargeRecord }
  | { kind: "unknown_shipment"; shipmentId: string }
  | ({ kind: "invalid" } & ChargeProblem);

/**
 * Records a carrier's charge for a shipment once per carrier and charge id, raises the shipment's
 * fulfilment cost and emits `shipments.carrier_charge.recorded`; a repeat answers the charge
 * recorded and emits nothing.
 */
export async function recordCarrierCharge(
  ctx: ShipmentsContext,
  input: RecordCarrierChargeInput,
): Promise<ChargeOutcome> {
  try {
    return await recordOnce(ctx, input);
  } catch (error) {
    // Another request recorded the same carrier charge id meanwhile: answer as a repeat would.
    if (!isDuplicateKeyError(error)) throw error;
    return recordOnce(ctx, input);
  }
}

function recordOnce(
  ctx: ShipmentsContext,
  input: RecordCarrierChargeInput,
): Promise<ChargeOutcome> {
  const { repo } = ctx;
  return ctx.runtime.transact(async ({ session, emit }): Promise<ChargeOutcome> => {
    const shipment = await repo.findShipment(input.shipmentId, session);
    if (!shipment) return { kind: "unknown_shipment", shipmentId: input.shipmentId };
    const report = chargeReport(shipment, input);
    if ("code" in report) return { kind: "invalid", ...report };
    const chargeKey = chargeKeyOf(shipment.carrier, report.carrierChargeId);
    const decision = chargeDecision(shipment, report, await repo.chargeByKey(chargeKey, session));
    if (decision.kind === "repeat") return { kind: "recorded", charge: decision.charge };
    if (decision.kind === "invalid") return decision;
    const charge: CarrierChargeRecord = {
      _id: `chg_${randomUUID()}`,
      chargeKey,
      shipmentId: shipment._id,
      carrier: shipment.carrier,
      ...report,
      currency: shipment.currency,
      recordedAt: new Date(),
    };
    const fulfilmentCost = (shipment.fulfilmentCost ?? 0) + charge.amount;
    await repo.addCharge(charge, session);
    await repo.saveFulfilmentCost(shipment._id, fulfilmentCost, session);
    const currency = shipment.currency;
    await emit("shipments.carrier_charge.recorded", shipment._id, {
      chargeId: charge._id,
      carrierChargeId: charge.carrierChargeId,
      shipmentId: shipment._id,
      orderId: shipment.orderId,
      customerId: shipment.customerId,
      carrier: shipment.carrier,
      type: charge.type,
      amount: { amount: charge.amount, currency },
      description: charge.description,
      fulfilmentCost: { amount: fulfilmentCost, currency },
      recordedAt: charge.recordedAt.toISOString(),
    });
    return { kind: "recorded", charge };
  });
}
