import { parseAmount, type CarrierChargeType } from "@waybill/contracts";
import type { CarrierChargeRecord, ShipmentRecord } from "../store/records.ts";

export type ChargeProblem = { field: string | null; code: string; message: string };

/** A carrier's charge as reported, checked and normalised, before it is matched to what is known. */
export type ChargeReport = {
  carrierChargeId: string;
  type: CarrierChargeType;
  /** Minor units of the shipment's currency, more than zero. */
  amount: number;
  description: string | null;
};

const MAX_ID = 200;
const MAX_DESCRIPTION = 500;

/** A carrier's charge ids are its own: the same id from two carriers are two charges. */
export const chargeKeyOf = (carrier: string, carrierChargeId: string): string =>
  `${carrier.trim().toLowerCase()}:${carrierChargeId.trim()}`;

/**
 * Checks a reported charge against its shipment: a charge id, an amount above zero written in the
 * shipment's currency's minor unit, a description of bounded length; never for a voided shipment.
 */
export function chargeReport(
  shipment: ShipmentRecord,
  input: {
    carrierChargeId: string;
    type: CarrierChargeType;
    amount: string;
    description?: string | null;
  },
): ChargeReport | ChargeProblem {
  if (shipment.status === "VOIDED")
    return {
      field: "shipmentId",
      code: "SHIPMENT_VOIDED",
      message: `shipment ${shipment._id} was voided; it takes no charges`,
    };
  const carrierChargeId = input.carrierChargeId.trim();
  if (!carrierChargeId || carrierChargeId.length > MAX_ID)
    return {
      field: "carrierChargeId",
      code: "INVALID_CARRIER_CHARGE",
      message: `carrierChargeId must be 1 to ${MAX_ID} characters`,
    };
  const description = input.description?.trim() || null;
  if ((description?.length ?? 0) > MAX_DESCRIPTION)
    return {
      field: "description",
      code: "INVALID_CARRIER_CHARGE",
      message: `description is longer than ${MAX_DESCRIPTION} characters`,
    };
  let amount: number;
  try {
    amount = parseAmount(input.amount, shipment.currency);
  } catch (error) {
    return { field: "amount", code: "INVALID_AMOUNT", message: (error as Error).message };
  }
  if (amount <= 0)
    return { field: "amount", code: "INVALID_AMOUNT", message: "amount must be more than zero" };
  return { carrierChargeId, type: input.type, amount, description };
}

export type ChargeDecision =
  | { kind: "new" }
  | { kind: "repeat"; charge: CarrierChargeRecord }
  | ({ kind: "invalid" } & ChargeProblem);

/**
 * What a reported charge is, given the charge already recorded under the carrier's id (if any):
 * new; a repeat of it (same shipment, type and amount: answered, not recorded again); or the id
 * reused for another charge, refused.
 */
export function chargeDecision(
  shipment: ShipmentRecord,
  report: ChargeReport,
  existing: CarrierChargeRecord | null,
): ChargeDecision {
  if (!existing) return { kind: "new" };
  const same =
    existing.shipmentId === shipment._id &&
    existing.type === report.type &&
    existing.amount === report.amount;
  if (same) return { kind: "repeat", charge: existing };
  return {
    kind: "invalid",
    field: "carrierChargeId",
    code: "CHARGE_ID_REUSED",
    message: `${shipment.carrier} charge ${report.carrierChargeId} is already recorded as another charge (${existing.type} on shipment ${existing.shipmentId})`,
  };
}

/** A shipment's fulfilment cost: the sum of its carrier charges, in minor units. */
export const fulfilmentCostOf = (charges: readonly Pick<CarrierChargeRecord, "amount">[]): number =>
  charges.reduce((sum, charge) => sum + charge.amount, 0);
