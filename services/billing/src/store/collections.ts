import type { Store } from "@waybill/store";
import type { CounterRecord, InvoiceRecord, OrderTerms } from "./records.ts";

/**
 * The billing database's collections. Only this folder queries them: the rest of the service asks
 * the repository.
 */
export function billingCollections(store: Store) {
  return {
    invoices: store.collection<InvoiceRecord>("invoices"),
    orders: store.collection<OrderTerms>("orders"),
    counters: store.collection<CounterRecord>("counters"),
  };
}

export type BillingCollections = ReturnType<typeof billingCollections>;
