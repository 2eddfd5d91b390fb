import { loaderByField, loaderOfMany, pagesOfMany, type Session, type Store } from "@waybill/store";
import { billingCollections } from "./collections.ts";
import { invoiceLists } from "./invoice-lists.ts";
import { noteLists } from "./note-lists.ts";
import { INVOICES_OLDEST_FIRST, NOTES_OLDEST_FIRST } from "./pages.ts";
import type {
  AdjustmentNoteRecord,
  CarrierChargeRecord,
  CreditNoteRecord,
  InvoiceRecord,
  OrderTerms,
  ReturnSettlementRecord,
} from "./records.ts";

/**
 * Indexes of the billing database; idempotent. One invoice per shipment, one adjustment note per
 * carrier charge and one number per document are enforced here too.
 */
export async function prepareBillingStore(store: Store): Promise<void> {
  const { invoices, creditNotes, adjustmentNotes, charges, returnSettlements } =
    billingCollections(store);
  await invoices.createIndex({ keys: { shipmentId: 1 }, unique: true });
  await invoices.createIndex({ keys: { orderId: 1, createdAt: 1 } });
  await invoices.createIndex({ keys: { status: 1, createdAt: -1 } });
  await invoices.createIndex({ keys: { createdAt: -1 } });
  await invoices.createIndex({ keys: { customerId: 1, createdAt: -1 } });
  await invoices.createIndex({ keys: { policy: 1, number: 1 } });
  for (const notes of [creditNotes, adjustmentNotes]) {
    await notes.createIndex({ keys: { number: 1 }, unique: true });
    await notes.createIndex({ keys: { invoiceId: 1, issuedAt: 1 } });
    await notes.createIndex({ keys: { orderId: 1, issuedAt: 1 } });
    await notes.createIndex({ keys: { issuedAt: -1 } });
    await notes.createIndex({ keys: { customerId: 1, issuedAt: -1 } });
  }
  await creditNotes.createIndex({ keys: { returnId: 1 } });
  await adjustmentNotes.createIndex({ keys: { chargeId: 1 }, unique: true });
  await charges.createIndex({ keys: { orderId: 1 } });
  await returnSettlements.createIndex({ keys: { orderId: 1 } });
}

/** Reads and writes of invoices, credit and adjustment notes, order terms and number series. */
export function billingRepository(store: Store) {
  const db = billingCollections(store);
  const { invoices, orders, counters, creditNotes, adjustmentNotes, charges, returnSettlements } =
    db;
  return {
    orderTerms: (orderId: string, session: Session) =>
      orders.findOne({ _id: orderId }, { session }),
    /** Creates or replaces the terms billing keeps of an order. */
    recordTerms: ({ _id, ...fields }: OrderTerms, session: Session) =>
      orders.updateOne({ _id }, { $set: fields }, { upsert: true, session }),
    findInvoice: (id: string, session: Session) => invoices.findOne({ _id: id }, { session }),
    invoiceOfShipment: (shipmentId: string, session: Session) =>
      invoices.findOne({ shipmentId }, { session }),
    /** Every invoice of an order, oldest first. */
    invoicesOfOrder: (orderId: string, session: Session) =>
      invoices.find({ orderId }, { sort: { createdAt: 1, _id: 1 }, session }),
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
    addCreditNote: (note: CreditNoteRecord, session: Session) =>
      creditNotes.insertOne(note, { session }),
    /** Fails with a duplicate-key error when the charge has an adjustment note already. */
    addAdjustmentNote: (note: AdjustmentNoteRecord, session: Session) =>
      adjustmentNotes.insertOne(note, { session }),
    /** The carrier charge as billing recorded it, once it has. */
    recordedCharge: (chargeId: string, session: Session) =>
      charges.findOne({ _id: chargeId }, { session }),
    /** Fails with a duplicate-key error when the charge was recorded already. */
    recordCharge: (charge: CarrierChargeRecord, session: Session) =>
      charges.insertOne(charge, { session }),
    /** How billing settled a return, once it has. */
    settlementOf: (returnId: string, session: Session) =>
      returnSettlements.findOne({ _id: returnId }, { session }),
    /** Fails with a duplicate-key error when the return was settled already. */
    recordSettlement: (settlement: ReturnSettlementRecord, session: Session) =>
      returnSettlements.insertOne(settlement, { session }),
    /** Everything billing holds of these orders, for the reconciliation. */
    async documentsOfOrders(orderIds: string[]) {
      const ofOrders = { orderId: { $in: orderIds } };
      const [invoiced, credits, settlements] = await Promise.all([
        invoices.find(ofOrders),
        creditNotes.find(ofOrders),
        returnSettlements.find(ofOrders),
      ]);
      return { invoices: invoiced, creditNotes: credits, settlements };
    },
    ...invoiceLists(db),
    ...noteLists(db),
    /** Per-request batching loaders for entity lookups. */
    loaders: () => {
      const terms = loaderByField(orders, "_id");
      const invoicesByOrder = loaderOfMany(invoices, "orderId", "createdAt");
      const creditNotesByOrder = loaderOfMany(creditNotes, "orderId", "issuedAt");
      const adjustmentNotesByOrder = loaderOfMany(adjustmentNotes, "orderId", "issuedAt");
      const chargesByOrder = loaderOfMany(charges, "orderId");
      return {
        invoice: loaderByField(invoices, "_id"),
        invoiceOfShipment: loaderByField(invoices, "shipmentId"),
        invoicesOfOrder: pagesOfMany(invoices, "orderId", INVOICES_OLDEST_FIRST),
        creditNote: loaderByField(creditNotes, "_id"),
        adjustmentNote: loaderByField(adjustmentNotes, "_id"),
        creditNotesOfInvoice: loaderOfMany(creditNotes, "invoiceId", "issuedAt"),
        adjustmentNotesOfInvoice: loaderOfMany(adjustmentNotes, "invoiceId", "issuedAt"),
        creditNotesOfReturn: loaderOfMany(creditNotes, "returnId", "issuedAt"),
        creditNotesOfOrder: pagesOfMany(creditNotes, "orderId", NOTES_OLDEST_FIRST),
        adjustmentNotesOfOrder: pagesOfMany(adjustmentNotes, "orderId", NOTES_OLDEST_FIRST),
        /** Everything billing holds of an order; null when the order never reached billing. */
        async orderDocuments(orderId: string) {
          const [order, ...documents] = await Promise.all([
            terms.load(orderId),
            invoicesByOrder.load(orderId),
            creditNotesByOrder.load(orderId),
            adjustmentNotesByOrder.load(orderId),
            chargesByOrder.load(orderId),
          ]);
          if (!order) return null;
          const [orderInvoices, orderCreditNotes, orderAdjustmentNotes, orderCharges] = documents;
          return {
            terms: order,
            invoices: orderInvoices,
            creditNotes: orderCreditNotes,
            adjustmentNotes: orderAdjustmentNotes,
            charges: orderCharges,
          };
        },
      };
    },
  };
}

export type BillingRepository = ReturnType<typeof billingRepository>;
export type BillingLoaders = ReturnType<BillingRepository["loaders"]>;
