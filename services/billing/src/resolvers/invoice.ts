import { formatAmount, formatTaxRate } from "@waybill/contracts";
import type {
  InvoiceLineResolvers,
  InvoiceResolvers,
  OrderResolvers,
  ShipmentResolvers,
} from "../generated/resolvers.ts";
import { canSeeCustomer, readable, requireScope, visibleOnly } from "@waybill/auth";
import { paged } from "@waybill/graphql";
import { secondsToInvoice } from "../domain/figures.ts";
import { activeCollectionHolds } from "../domain/lifecycle.ts";
import { INVOICES_OLDEST_FIRST } from "../store/pages.ts";
import type { InvoiceRecord } from "../store/records.ts";

/** The customer account an invoice bills. */
export const ownerOfInvoice = (invoice: InvoiceRecord) => invoice.customerId;

const money = (amount: number, currency: string) => ({
  amount: formatAmount(amount, currency),
  currency,
});

export const Invoice: InvoiceResolvers = {
  __resolveReference: async (reference, ctx) =>
    readable(
      ctx.principal,
      "invoices:read",
      await ctx.loaders.invoice.load(reference.id),
      ownerOfInvoice,
    ),
  id: (invoice) => invoice._id,
  order: (invoice) => ({ __typename: "Order", id: invoice.orderId }),
  shipment: (invoice) => ({ __typename: "Shipment", id: invoice.shipmentId }),
  lines: (invoice) => invoice.lines.map((line) => ({ ...line, currency: invoice.currency })),
  touchless: (invoice) => !invoice.touched,
  collectionOnHold: (invoice) => activeCollectionHolds(invoice).length > 0,
  secondsToInvoice: (invoice) => secondsToInvoice(invoice),
  shippingCharge: (invoice) => money(invoice.shippingCharge, invoice.currency),
  subtotal: (invoice) => money(invoice.subtotal, invoice.currency),
  taxTotal: (invoice) => money(invoice.taxTotal, invoice.currency),
  total: (invoice) => money(invoice.total, invoice.currency),
};

export const InvoiceLine: InvoiceLineResolvers = {
  unitPrice: (line) => money(line.unitPrice, line.currency),
  taxRate: (line) => formatTaxRate(line.taxRatePpm),
  netAmount: (line) => money(line.net, line.currency),
  taxAmount: (line) => money(line.tax, line.currency),
};

export const Order: OrderResolvers = {
  // An order's invoices are all its customer's: someone else's order shows an empty page.
  invoices: (order, args, ctx) =>
    paged(args, INVOICES_OLDEST_FIRST, async (page) =>
      visibleOnly(
        ctx.principal,
        "invoices:read",
        await ctx.loaders.invoicesOfOrder.load({ parent: order.id, page }),
        ownerOfInvoice,
      ),
    ),
};

export const Shipment: ShipmentResolvers = {
  async invoice(shipment, _, ctx) {
    const caller = requireScope(ctx.principal, "invoices:read");
    const invoice = await ctx.loaders.invoiceOfShipment.load(shipment.id);
    // Someone else's shipment shows no invoice, as one not invoiced yet does.
    return invoice && canSeeCustomer(caller, invoice.customerId) ? invoice : null;
  },
};
