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
      const charges = await repo.chargesOfShipments(shipments.map((shipment) => shipment._id));
      return {
        shipments: shipments.map((shipment) => ({
          shipmentId: shipment._id,
          orderId: shipment.orderId,
          voided: shipment.status === "VOIDED",
          confirmedAt: shipment.confirmedAt.toISOString(),
          confirmedEventId: shipment.confirmedEventId ?? null,
          lines: shipment.lines,
          charges: charges
            .filter((charge) => charge.shipmentId === shipment._id)
            .map(({ _id, amount, currency }) => ({ chargeId: _id, amount, currency })),
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
