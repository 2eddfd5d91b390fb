import { loaderByField, pagesOfMany, type Session, type Store } from "@waybill/store";
import { billingCollections } from "./collections.ts";
import { invoiceLists } from "./invoice-lists.ts";
import { INVOICES_OLDEST_FIRST } from "./pages.ts";
import type { InvoiceRecord, OrderTerms } from "./records.ts";

/** Indexes of the billing database; idempotent. One invoice per shipment is enforced here too. */
export async function prepareBillingStore(store: Store): Promise<void> {
  const { invoices } = billingCollections(store);
  await invoices.createIndex({ keys: { shipmentId: 1 }, unique: true });
  await invoices.createIndex({ keys: { orderId: 1, createdAt: 1 } });
  await invoices.createIndex({ keys: { status: 1, createdAt: -1 } });
  await invoices.createIndex({ keys: { createdAt: -1 } });
  await invoices.createIndex({ keys: { customerId: 1, createdAt: -1 } });
  await invoices.createIndex({ keys: { policy: 1, number: 1 } });
}

/** Reads and writes of invoices, order terms and number series. */
export function billingRepository(store: Store) {
  const db = billingCollections(store);
  const { invoices, orders, counters } = db;
  return {
    orderTerms: (orderId: string, session: Session) =>
      orders.findOne({ _id: orderId }, { session }),
    /** Creates or replaces the terms billing keeps of an order. */
    recordTerms: ({ _id, ...fields }: OrderTerms, session: Session) =>
      orders.updateOne({ _id }, { $set: fields }, { upsert: true, session }),
    findInvoice: (id: string, session: Session) => invoices.findOne({ _id: id }, { session }),
    invoiceOfShipment: (shipmentId: string, session: Session) =>
      invoices.findOne({ shipmentId }, { session }),
    /** Fails with a duplicate-key error when the shipment has an invoice already. */
    addInvoice: (invoice: InvoiceRecord, session: Session) =>
      invoices.insertOne(invoice, { session }),
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
    ...invoiceLists(db),
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      invoice: loaderByField(invoices, "_id"),
      invoiceOfShipment: loaderByField(invoices, "shipmentId"),
      invoicesOfOrder: pagesOfMany(invoices, "orderId", INVOICES_OLDEST_FIRST),
    }),
  };
}

export type BillingRepository = ReturnType<typeof billingRepository>;
export type BillingLoaders = ReturnType<BillingRepository["loaders"]>;
