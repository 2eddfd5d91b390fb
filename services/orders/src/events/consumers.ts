import type { ConsumerDefinition, ServiceRuntime } from "@waybill/service";
import { ordersRepository } from "../store/repository.ts";
import { onInvoiceHeld, onInvoiceIssued, onInvoiceReleased } from "./billing-events.ts";
import { onProductCreated, onStockReserved } from "./inventory-events.ts";
import { onMilestoneRecorded, onShipmentConfirmed } from "./shipment-events.ts";

/**
 * The events the orders service listens to: products feed the catalog it checks SKUs against;
 * reservations, shipments, milestones and invoices move lines, statuses, timeline and cases.
 */
export function ordersConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const repo = ordersRepository(runtime.store);
  return [
    {
      stream: "inventory",
      handlers: {
        "inventory.product.created": (event, work) => onProductCreated(repo, event, work),
        "inventory.stock.reserved": (event, work) => onStockReserved(repo, event, work),
      },
    },
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
