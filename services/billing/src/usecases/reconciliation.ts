import type { BillingFacts } from "@waybill/contracts";
import type { ReconciliationSource, ServiceRuntime } from "@waybill/service";
import { holdsInForce, isIssued, policyMet, statusOf } from "../domain/lifecycle.ts";
import type { InvoiceRecord } from "../store/records.ts";
import { billingRepository } from "../store/repository.ts";

/** Billing's own judgement: its policy lets the invoice be issued, nothing holds it, and it is not. */
const overdue = (invoice: InvoiceRecord): boolean =>
  statusOf(invoice) === "DRAFT" &&
  !isIssued(invoice) &&
  holdsInForce(invoice).length === 0 &&
  policyMet(invoice);

/** What billing tells the reconciliation: its invoices, credit notes and settled returns. */
export function billingReconciliation(runtime: ServiceRuntime): ReconciliationSource {
  const repo = billingRepository(runtime.store);
  return {
    async facts({ orderIds }): Promise<BillingFacts> {
      const held = await repo.documentsOfOrders(orderIds);
      return {
        invoices: held.invoices.map((invoice) => ({
          invoiceId: invoice._id,
          shipmentId: invoice.shipmentId,
          orderId: invoice.orderId,
          status: statusOf(invoice),
          overdue: overdue(invoice),
          lines: invoice.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
        })),
        creditNotes: held.creditNotes.map((note) => ({
          creditNoteId: note._id,
          number: note.number,
          invoiceId: note.invoiceId,
          orderId: note.orderId,
          reason: note.reason,
          returnId: note.returnId,
          lines: note.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
        })),
        settledReturns: held.settlements.map((settlement) => settlement._id),
      };
    },
  };
}
