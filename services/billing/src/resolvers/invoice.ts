import { formatAmount, formatTaxRate } from "@waybill/contracts";
import type {
  InvoiceLineResolvers,
  InvoiceResolvers,
  OrderResolvers,
  ShipmentResolvers,
} from "../generated/resolvers.ts";
import { secondsToInvoice } from "../domain/figures.ts";

const money = (amount: number, currency: string) => ({
  amount: formatAmount(amount, currency),
  currency,
});

export const Invoice: InvoiceResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.invoice.load(reference.id),
  id: (invoice) => invoice._id,
  order: (invoice) => ({ __typename: "Order", id: invoice.orderId }),
  shipment: (invoice) => ({ __typename: "Shipment", id: invoice.shipmentId }),
  lines: (invoice) => invoice.lines.map((line) => ({ ...line, currency: invoice.currency })),
  touchless: (invoice) => !invoice.touched,
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
  invoices: (order, _, ctx) => ctx.loaders.invoicesOfOrder.load(order.id),
};

export const Shipment: ShipmentResolvers = {
  invoice: (shipment, _, ctx) => ctx.loaders.invoiceOfShipment.load(shipment.id),
};
