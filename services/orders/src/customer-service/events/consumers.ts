import type { ConsumerDefinition, ServiceRuntime } from "@waybill/service";
import { customerServiceRepository } from "../store/repository.ts";
import { onInvoiceHeld, onInvoiceIssued, onInvoiceReleased } from "./billing.ts";
import { onMilestoneRecorded, onShipmentConfirmed } from "./shipments.ts";

/**
 * What customer service listens to: shipments, milestones and invoices go on the order's timeline
 * and open, note or settle the shipment's service cases.
 */
export function customerServiceConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const repo = customerServiceRepository(runtime.store);
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
        "billing.invoice.held": (event, work) => onInvoiceHeld(repo, event, work),
        "billing.invoice.released": (event, work) => onInvoiceReleased(repo, event, work),
      },
    },
  ];
}
