import type { ConsumerDefinition, ServiceRuntime } from "@waybill/service";
import { customerServiceRepository } from "../store/repository.ts";
import {
  onAdjustmentNoteIssued,
  onCreditNoteIssued,
  onInvoiceHeld,
  onInvoiceIssued,
  onInvoiceReleased,
  onInvoiceVoided,
} from "./billing.ts";
import {
  onReturnCancelled,
  onReturnClosed,
  onReturnReceived,
  onReturnRequested,
} from "./returns.ts";
import { onMilestoneRecorded, onShipmentConfirmed, onShipmentVoided } from "./shipments.ts";

/**
 * What customer service listens to: shipments (and their voids), milestones, invoices, credit and
 * adjustment notes and returns go on the order's timeline and open, note or settle service cases.
 */
export function customerServiceConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const repo = customerServiceRepository(runtime.store);
  return [
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
        "billing.invoice.issued": (event, work) => onInvoiceIssued(repo, event, work),
        "billing.invoice.held": (event, work) => onInvoiceHeld(repo, event, work),
        "billing.invoice.released": (event, work) => onInvoiceReleased(repo, event, work),
        "billing.invoice.voided": (event, work) => onInvoiceVoided(repo, event, work),
        "billing.credit_note.issued": (event, work) => onCreditNoteIssued(repo, event, work),
        "billing.adjustment_note.issued": (event, work) =>
          onAdjustmentNoteIssued(repo, event, work),
      },
    },
    {
      stream: "returns",
      handlers: {
        "returns.return.requested": (event, work) => onReturnRequested(repo, event, work),
        "returns.return.received": (event, work) => onReturnReceived(repo, event, work),
        "returns.return.cancelled": (event, work) => onReturnCancelled(repo, event, work),
        "returns.return.closed": (event, work) => onReturnClosed(repo, event, work),
      },
    },
  ];
}
