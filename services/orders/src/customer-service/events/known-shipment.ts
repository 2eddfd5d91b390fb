import { RetryLaterError } from "@waybill/bus";
import type { Session } from "@waybill/store";
import type { CustomerServiceRepository } from "../store/repository.ts";
import type { ShipmentContextRecord } from "../store/records.ts";

/** The shipment an event is about; its confirmation may not have reached orders yet. */
export async function knownShipment(
  repo: CustomerServiceRepository,
  data: { orderId: string; shipmentId: string },
  session: Session,
): Promise<ShipmentContextRecord> {
  const shipment = await repo.shipmentContext(data.shipmentId, session);
  if (!shipment)
    throw new RetryLaterError(
      `shipment ${data.shipmentId} of order ${data.orderId} is not known yet`,
    );
  return shipment;
}
