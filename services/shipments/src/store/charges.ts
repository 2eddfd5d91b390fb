import type { Session } from "@waybill/store";
import type { ShipmentsCollections } from "./collections.ts";
import type { CarrierChargeRecord, ShipmentRecord } from "./records.ts";

/** Carrier charges and voids of shipments. */
export function chargesAndVoids({ charges, shipments }: ShipmentsCollections) {
  return {
    /** The charge a carrier recorded under its charge id, if any. */
    chargeByKey: (chargeKey: string, session: Session) =>
      charges.findOne({ chargeKey }, { session }),
    /** Throws a duplicate-key error when the carrier's charge id is recorded meanwhile. */
    addCharge: (charge: CarrierChargeRecord, session: Session) =>
      charges.insertOne(charge, { session }),
    saveFulfilmentCost: (shipmentId: string, fulfilmentCost: number, session: Session) =>
      shipments.updateOne({ _id: shipmentId }, { $set: { fulfilmentCost } }, { session }),
    /** Marks a shipment void. */
    saveVoid: (
      shipmentId: string,
      change: Required<Pick<ShipmentRecord, "voidedAt" | "voidReason">>,
      session: Session,
    ) =>
      shipments.updateOne(
        { _id: shipmentId },
        { $set: { ...change, status: "VOIDED" } },
        { session },
      ),
  };
}
