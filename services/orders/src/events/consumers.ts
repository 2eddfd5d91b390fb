import type { ConsumerDefinition, ServiceRuntime } from "@waybill/runtime";
import { ordersRepository } from "../store/repository.ts";
import { onInvoiceIssued, onMilestoneRecorded, onShipmentConfirmed } from "./handlers.ts";

/** The events the orders service listens to: shipments and invoices move order status and timeline. */
export function ordersConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const repo = ordersRepository(runtime.store);
  return [
    {
      stream: "shipments",
      handlers: {
        "shipments.shipment.confirmed": (event, work) => onShipmentConfirmed(repo, event, work),
        "shipments.milestone.recorded": (event, work) => onMilestoneRecorded(repo, event, work),
      },
    },
    {
      stream: "billing",
      handlers: {
        "billing.invoice.issued": (event, work) => onInvoiceIssued(repo, event, work),
      },
    },
  ];
}
