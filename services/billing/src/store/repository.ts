import { loaderByField, loaderOfMany, type Session, type Store } from "@waybill/store";
import type { CounterRecord, InvoiceRecord, OrderTerms } from "./records.ts";

/** Indexes of the billing database; idempotent. One invoice per shipment is enforced here too. */
export async function prepareBillingStore(store: Store): Promise<void> {
  const invoices = store.collection("invoices");
  await invoices.createIndex({ keys: { shipmentId: 1 }, unique: true });
  await invoices.createIndex({ keys: { orderId: 1, createdAt: 1 } });
  await invoices.createIndex({ keys: { status: 1, createdAt: -1 } });
  await invoices.createIndex({ keys: { policy: 1, number: 1 } });
}

/** Reads and writes of invoices, order terms and number series. */
export function billingRepository(store: Store) {
  const invoices = store.collection<InvoiceRecord>("invoices");
  const orders = store.collection<OrderTerms>("orders");
  const counters = store.collection<CounterRecord>("counters");
  return {
    invoices,
    orders,
    /** Takes the next number of a series inside the caller's transaction, so numbers stay gapless. */
    async nextNumber(series: string, session: Session): Promise<number> {
      const counter = await counters.findOneAndUpdate(
        { _id: series },
        { $inc: { value: 1 } },
        { upsert: true, returnDocument: "after", session },
      );
      if (!counter) throw new Error(`counter ${series} was not created`);
      return counter.value;
    },
    /** Writes every field of an invoice. */
    async save(invoice: InvoiceRecord, session: Session): Promise<void> {
      const { _id, ...fields } = invoice;
      await invoices.updateOne({ _id }, { $set: fields }, { session });
    },
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      invoice: loaderByField(invoices, "_id"),
      invoiceOfShipment: loaderByField(invoices, "shipmentId"),
      invoicesOfOrder: loaderOfMany(invoices, "orderId", "createdAt"),
    }),
  };
}

export type BillingRepository = ReturnType<typeof billingRepository>;
export type BillingLoaders = ReturnType<BillingRepository["loaders"]>;
