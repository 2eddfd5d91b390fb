import { listScope, readable, requireScope, requireStaff } from "@waybill/auth";
import { paged } from "@waybill/graphql";
import { customerOf } from "./shared.ts";
import type { MutationResolvers, QueryResolvers } from "../generated/resolvers.ts";
import { billingFigures } from "../domain/figures.ts";
import { INVOICES_NEWEST_FIRST, NOTES_NEWEST_FIRST } from "../store/pages.ts";
import { releaseInvoice } from "../usecases/release-invoice.ts";

const DAY = 24 * 60 * 60 * 1000;

export const Query: QueryResolvers = {
  invoice: async (_, { id }, ctx) =>
    readable(ctx.principal, "invoices:read", await ctx.loaders.invoice.load(id), customerOf),
  invoices(_, { orderId, status, ...args }, ctx) {
    const accounts = listScope(ctx.principal, "invoices:read");
    return paged(args, INVOICES_NEWEST_FIRST, (page) =>
      ctx.repo.invoicesPage({ orderId, status, accounts }, page),
    );
  },
  async billingFigures(_, { since }, ctx) {
    requireStaff(ctx.principal, "invoices:read");
    const from = since ?? new Date(Date.now() - 30 * DAY);
    const invoices = await ctx.repo.invoicesSince(from);
    return { since: from, ...billingFigures(invoices) };
  },
  creditNote: async (_, { id }, ctx) =>
    readable(ctx.principal, "invoices:read", await ctx.loaders.creditNote.load(id), customerOf),
  creditNotes(_, { from, to, ...args }, ctx) {
    const accounts = listScope(ctx.principal, "invoices:read");
    return paged(args, NOTES_NEWEST_FIRST, (page) =>
      ctx.repo.creditNotesPage({ from, to, accounts }, page),
    );
  },
  adjustmentNotes(_, { from, to, ...args }, ctx) {
    const accounts = listScope(ctx.principal, "invoices:read");
    return paged(args, NOTES_NEWEST_FIRST, (page) =>
      ctx.repo.adjustmentNotesPage({ from, to, accounts }, page),
    );
  },
};

export const Mutation: MutationResolvers = {
  async releaseInvoice(_, { input }, ctx) {
    requireScope(ctx.principal, "invoices:write");
    const outcome = await releaseInvoice(ctx, input);
    if (outcome.kind === "released") return { __typename: "Invoice", ...outcome.invoice };
    if (outcome.kind === "unknown") {
      return {
        __typename: "UnknownInvoiceError",
        code: "UNKNOWN_INVOICE",
        message: `no invoice ${outcome.invoiceId}`,
        invoiceId: outcome.invoiceId,
      };
    }
    return {
      __typename: "InvoiceNotHeldError",
      code: "INVOICE_NOT_HELD",
      message: `invoice ${outcome.invoiceId} has no active hold${input.reason ? ` for ${input.reason}` : ""}`,
      invoiceId: outcome.invoiceId,
    };
  },
};
