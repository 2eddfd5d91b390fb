import type { ConsumerDefinition, ServiceRuntime } from "@waybill/service";
import { ordersRepository } from "../store/repository.ts";
import { onCreditNoteIssued, onInvoiceTold, onReturnSettled } from "./billing.ts";
import { onProductCreated, onStockReserved } from "./inventory.ts";
import { onReturnReceived } from "./returns.ts";
import { onMilestoneRecorded, onShipmentConfirmed, onShipmentVoided } from "./shipments.ts";

/**
 * What the order lifecycle listens to: products feed the catalog it checks SKUs against;
 * reservations, shipments (and their voids), milestones, invoices, returns received and credit
 * notes move the lines' quantities and the statuses.
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
        "shipments.shipment.voided": (event, work) => onShipmentVoided(repo, event, work),
      },
    },
    {
      stream: "billing",
      handlers: {
        "billing.invoice.issued": (event, work) => onInvoiceTold(repo, event, work),
        "billing.invoice.held": (event, work) => onInvoiceTold(repo, event, work),
        "billing.invoice.released": (event, work) => onInvoiceTold(repo, event, work),
        "billing.invoice.voided": (event, work) => onInvoiceTold(repo, event, work),
        "billing.credit_note.issued": (event, work) => onCreditNoteIssued(repo, event, work),
        "billing.return.settled": (event, work) => onReturnSettled(repo, event, work),
      },
    },
    {
      stream: "returns",
      handlers: {
        "returns.return.received": (event, work) => onReturnReceived(repo, event, work),
      },
    },
  ];
}
