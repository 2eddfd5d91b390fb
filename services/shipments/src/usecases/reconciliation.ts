import type { ShipmentsFacts } from "@waybill/contracts";
import type { ReconciliationSource, ServiceRuntime } from "@waybill/service";
import { shipmentsRepository } from "../store/repository.ts";
import { confirmedEvent } from "./confirm-shipment.ts";

/**
 * What shipments tells the reconciliation (every shipment of the orders, with its confirmation's
 * event id), and how it publishes a lost confirmation again.
 */
export function shipmentsReconciliation(runtime: ServiceRuntime): ReconciliationSource {
  const repo = shipmentsRepository(runtime.store);
  return {
    async facts({ orderIds }): Promise<ShipmentsFacts> {
      const shipments = await repo.shipmentsOfOrders(orderIds);
      return {
        shipments: shipments.map((shipment) => ({
          shipmentId: shipment._id,
          orderId: shipment.orderId,
          voided: VOIDED_PLACEHOLDER,
          confirmedAt: shipment.confirmedAt.toISOString(),
          confirmedEventId: shipment.confirmedEventId ?? null,
          voidedEventId: null,
          lines: shipment.lines,
          charges: [],
        })),
      };
    },
    async reemit({ kind, id }) {
      if (kind !== "shipment_confirmed") return false;
      return runtime.transact(async ({ session, emit }) => {
        const shipment = await repo.findShipment(id, session);
        if (!shipment?.confirmedEventId) return false;
        await emit("shipments.shipment.confirmed", shipment._id, confirmedEvent(shipment), {
          id: shipment.confirmedEventId,
        });
        return true;
      });
    },
  };
}
