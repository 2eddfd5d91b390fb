import type { ResolversTypes } from "../generated/resolvers.ts";
import type { ConfirmOutcome } from "../usecases/confirm-shipment.ts";

/** Maps a confirmation's outcome onto the `ConfirmShipmentResult` union. */
export function confirmResult(outcome: ConfirmOutcome): ResolversTypes["ConfirmShipmentResult"] {
  switch (outcome.kind) {
    case "confirmed":
      return { __typename: "Shipment", ...outcome.shipment };
    case "unknown_order":
      return {
        __typename: "UnknownOrderError",
        code: "UNKNOWN_ORDER",
        message: `no order with id ${outcome.orderId}`,
        orderId: outcome.orderId,
      };
    case "exceeds":
      return {
        __typename: "QuantityExceedsOrderedError",
        code: "QUANTITY_EXCEEDS_ORDERED",
        message: `line ${outcome.lineId}: ${outcome.requested} requested, ${outcome.ordered - outcome.cancelled - outcome.alreadyShipped} left to ship${outcome.cancelled ? ` (${outcome.cancelled} cancelled)` : ""}`,
        lineId: outcome.lineId,
        ordered: outcome.ordered,
        cancelled: outcome.cancelled,
        alreadyShipped: outcome.alreadyShipped,
        requested: outcome.requested,
      };
    case "invalid":
      return {
        __typename: "InvalidShipmentError",
        code: outcome.code ?? "INVALID_SHIPMENT",
        message: outcome.message,
        field: outcome.field,
      };
  }
}
