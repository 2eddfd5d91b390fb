import type { ConsumerDefinition, ServiceRuntime } from "@waybill/service";
import { ordersRepository } from "../store/repository.ts";
import { onInvoiceTold } from "./billing.ts";
import { onProductCreated, onStockReserved } from "./inventory.ts";
import { onMilestoneRecorded, onShipmentConfirmed } from "./shipments.ts";

/**
 * What the order lifecycle listens to: products feed the catalog it checks SKUs against;
 * reservations, shipments, milestones and invoices move the lines' quantities and the statuses.
 */
export function lifecycleConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
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
        "billing.invoice.issued": (event, work) => onInvoiceTold(repo, event, work),
        "billing.invoice.held": (event, work) => onInvoiceTold(repo, event, work),
        "billing.invoice.released": (event, work) => onInvoiceTold(repo, event, work),
      },
    },
  ];
}
