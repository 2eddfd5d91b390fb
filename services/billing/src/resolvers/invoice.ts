import type {
  InvoiceLineResolvers,
  InvoiceResolvers,
  ShipmentResolvers,
} from "../generated/resolvers.ts";
import { canSeeCustomer, readable, requireScope } from "@waybill/auth";
import { creditOf } from "../domain/credit.ts";
import { secondsToInvoice } from "../domain/figures.ts";
import { chargesOf } from "../domain/invoice.ts";
import { activeCollectionHolds } from "../domain/lifecycle.ts";
import { customerOf, lineAmounts, money, withCurrency } from "./shared.ts";

export const Invoice: InvoiceResolvers = {
  __resolveReference: async (reference, ctx) =>
    readable(
      ctx.principal,
      "invoices:read",
      await ctx.loaders.invoice.load(reference.id),
      customerOf,
    ),
  id: (invoice) => invoice._id,
  order: (invoice) => ({ __typename: "Order", id: invoice.orderId }),
  shipment: (invoice) => ({ __typename: "Shipment", id: invoice.shipmentId }),
  lines: (invoice) => withCurrency(invoice.lines, invoice.currency),
  charges: (invoice) => withCurrency(chargesOf(invoice), invoice.currency),
  touchless: (invoice) => !invoice.touched,
  collectionOnHold: (invoice) => activeCollectionHolds(invoice).length > 0,
  secondsToInvoice: (invoice) => secondsToInvoice(invoice),
  shippingCharge: (invoice) => money(invoice.shippingCharge, invoice.currency),
  subtotal: (invoice) => money(invoice.subtotal, invoice.currency),
  taxTotal: (invoice) => money(invoice.taxTotal, invoice.currency),
  total: (invoice) => money(invoice.total, invoice.currency),
  voidedAt: (invoice) => invoice.voidedAt ?? null,
  // The invoice is the caller's: so are its notes.
  creditNotes: (invoice, _, ctx) => ctx.loaders.creditNotesOfInvoice.load(invoice._id),
  adjustmentNotes: (invoice, _, ctx) => ctx.loaders.adjustmentNotesOfInvoice.load(invoice._id),
  creditedTotal: (invoice) => money(creditOf(invoice).total, invoice.currency),
};

export const InvoiceLine: InvoiceLineResolvers = lineAmounts;

export const Shipment: ShipmentResolvers = {
  async invoice(shipment, _, ctx) {
    const caller = requireScope(ctx.principal, "invoices:read");
    const invoice = await ctx.loaders.invoiceOfShipment.load(shipment.id);
    // Someone else's shipment shows no invoice, as one not invoiced yet does.
    return invoice && canSeeCustomer(caller, invoice.customerId) ? invoice : null;
  },
};
