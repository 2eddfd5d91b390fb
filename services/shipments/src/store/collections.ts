import type { Store } from "@waybill/store";
import type {
  CarrierChargeRecord,
  OrderProjection,
  ParkedMilestoneRecord,
  ShipmentRecord,
} from "./records.ts";

/**
 * The shipments database's collections. Only this folder queries them: the rest of the service
 * asks the repository.
 */
export function shipmentsCollections(store: Store) {
  return {
    shipments: store.collection<ShipmentRecord>("shipments"),
    orders: store.collection<OrderProjection>("orders"),
    parked: store.collection<ParkedMilestoneRecord>("parked_milestones"),
    charges: store.collection<CarrierChargeRecord>("carrier_charges"),
  };
}

export type ShipmentsCollections = ReturnType<typeof shipmentsCollections>;
