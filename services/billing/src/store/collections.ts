import type { Store } from "@waybill/store";
import type {
  AdjustmentNoteRecord,
  CarrierChargeRecord,
  CounterRecord,
  CreditNoteRecord,
  InvoiceRecord,
  OrderTerms,
  ReturnSettlementRecord,
} from "./records.ts";

/**
 * The billing database's collections. Only this folder queries them: the rest of the service asks
 * the repository.
 */
export function billingCollections(store: Store) {
  return {
    invoices: store.collection<InvoiceRecord>("invoices"),
    orders: store.collection<OrderTerms>("orders"),
    counters: store.collection<CounterRecord>("counters"),
    creditNotes: store.collection<CreditNoteRecord>("credit_notes"),
    adjustmentNotes: store.collection<AdjustmentNoteRecord>("adjustment_notes"),
    charges: store.collection<CarrierChargeRecord>("carrier_charges"),
    returnSettlements: store.collection<ReturnSettlementRecord>("return_settlements"),
  };
}

export type BillingCollections = ReturnType<typeof billingCollections>;
