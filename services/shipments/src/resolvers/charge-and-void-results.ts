import type { ResolversTypes } from "../generated/resolvers.ts";
import type { ChargeOutcome } from "../usecases/record-carrier-charge.ts";
import type { VoidOutcome } from "../usecases/void-shipment.ts";

const unknownShipment = (shipmentId: string) => ({
  __typename: "UnknownShipmentError" as const,
  code: "UNKNOWN_SHIPMENT",
  message: `no shipment with id ${shipmentId}`,
  shipmentId,
});

/** Maps a carrier charge's outcome onto the `RecordCarrierChargeResult` union. */
export function chargeResult(outcome: ChargeOutcome): ResolversTypes["RecordCarrierChargeResult"] {
  switch (outcome.kind) {
    case "recorded":
      return { __typename: "CarrierCharge", ...outcome.charge };
    case "unknown_shipment":
      return unknownShipment(outcome.shipmentId);
    case "invalid":
      return {
        __typename: "InvalidCarrierChargeError",
        code: outcome.code,
        message: outcome.message,
        field: outcome.field,
      };
  }
}

/** Maps a void's outcome onto the `VoidShipmentResult` union. */
export function voidResult(outcome: VoidOutcome): ResolversTypes["VoidShipmentResult"] {
  switch (outcome.kind) {
    case "voided":
      return { __typename: "Shipment", ...outcome.shipment };
    case "unknown_shipment":
      return unknownShipment(outcome.shipmentId);
    case "not_voidable":
      return {
        __typename: "ShipmentNotVoidableError",
        code: outcome.code,
        message: outcome.message,
        shipmentId: outcome.shipment._id,
        status: outcome.shipment.status,
      };
    case "invalid":
      return {
        __typename: "InvalidShipmentError",
        code: "INVALID_SHIPMENT",
        message: outcome.message,
        field: outcome.field,
      };
  }
}
