import type { ConsumerDefinition, ServiceRuntime } from "@waybill/service";
import { returnsRepository } from "../store/repository.ts";
import { closeReturn } from "../usecases/close-return.ts";
import { recordShipment, recordVoid } from "../usecases/shipped.ts";

/**
 * Returns keeps what shipped per order line (confirmed minus voided shipments), to check returns
 * against it, and closes a received return once billing has settled it.
 */
export function returnsConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const repo = returnsRepository(runtime.store);
  return [
    {
      stream: "shipments",
      handlers: {
        "shipments.shipment.confirmed": (event, work) => recordShipment(repo, event, work),
        "shipments.shipment.voided": (event, work) => recordVoid(repo, event, work),
      },
    },
    {
      stream: "billing",
      handlers: {
        "billing.return.settled": (event, work) => closeReturn(repo, event, work),
      },
    },
  ];
}
