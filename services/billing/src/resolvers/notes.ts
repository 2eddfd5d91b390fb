import { formatTaxRate } from "@waybill/contracts";
import { readable, visibleOnly } from "@waybill/auth";
import type {
  AdjustmentNoteResolvers,
  ChargeLineResolvers,
  CreditNoteLineResolvers,
  CreditNoteResolvers,
  ReturnResolvers,
} from "../generated/resolvers.ts";
import type { BillingContext } from "../context.ts";
import { customerOf, lineAmounts, money, withCurrency } from "./shared.ts";

/** A note's invoice: the caller may see the note, so the invoice too (the same customer's). */
async function invoiceOf(invoiceId: string, ctx: BillingContext) {
  const invoice = await ctx.loaders.invoice.load(invoiceId);
  if (!invoice) throw new Error(`invoice ${invoiceId} of a note is missing`);
  return invoice;
}

export const CreditNote: CreditNoteResolvers = {
  __resolveReference: async (reference, ctx) =>
    readable(
      ctx.principal,
      "invoices:read",
      await ctx.loaders.creditNote.load(reference.id),
      customerOf,
    ),
  id: (note) => note._id,
  invoice: (note, _, ctx) => invoiceOf(note.invoiceId, ctx),
  order: (note) => ({ __typename: "Order", id: note.orderId }),
  return: (note) => (note.returnId ? { __typename: "Return", id: note.returnId } : null),
  lines: (note) => withCurrency(note.lines, note.currency),
  charges: (note) => withCurrency(note.charges, note.currency),
  shippingRefund: (note) => money(note.shippingRefund, note.currency),
  subtotal: (note) => money(note.subtotal, note.currency),
  taxTotal: (note) => money(note.taxTotal, note.currency),
  total: (note) => money(note.total, note.currency),
};

export const CreditNoteLine: CreditNoteLineResolvers = lineAmounts;

export const ChargeLine: ChargeLineResolvers = {
  amount: (line) => money(line.amount, line.currency),
  taxRate: (line) => formatTaxRate(line.taxRatePpm),
  tax: (line) => money(line.tax, line.currency),
};

export const AdjustmentNote: AdjustmentNoteResolvers = {
  __resolveReference: async (reference, ctx) =>
    readable(
      ctx.principal,
      "invoices:read",
      await ctx.loaders.adjustmentNote.load(reference.id),
      customerOf,
    ),
  id: (note) => note._id,
  invoice: (note, _, ctx) => invoiceOf(note.invoiceId, ctx),
  order: (note) => ({ __typename: "Order", id: note.orderId }),
  amount: (note) => money(note.amount, note.currency),
  taxRate: (note) => formatTaxRate(note.taxRatePpm),
  tax: (note) => money(note.tax, note.currency),
  total: (note) => money(note.total, note.currency),
};

// Billing knows a return only by its credit notes: someone else's return shows none.
export const Return: ReturnResolvers = {
  creditNotes: async (reference, _, ctx) =>
    visibleOnly(
      ctx.principal,
      "invoices:read",
      await ctx.loaders.creditNotesOfReturn.load(reference.id),
      customerOf,
    ),
};
