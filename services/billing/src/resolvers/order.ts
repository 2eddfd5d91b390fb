import { canSeeCustomer, requireScope, requireStaff, visibleOnly } from "@waybill/auth";
import { paged, type ListOrder, type Page, type PageArgs } from "@waybill/graphql";
import type { BillingContext } from "../context.ts";
import { orderTotals, shippingMargin } from "../domain/order-figures.ts";
import type { OrderResolvers } from "../generated/resolvers.ts";
import { INVOICES_OLDEST_FIRST, NOTES_OLDEST_FIRST } from "../store/pages.ts";
import { customerOf, money } from "./shared.ts";

/** Everything billing holds of the order when the caller may see it; null for someone else's. */
async function visibleDocuments(orderId: string, ctx: BillingContext) {
  const caller = requireScope(ctx.principal, "invoices:read");
  const documents = await ctx.loaders.orderDocuments(orderId);
  return documents && canSeeCustomer(caller, documents.terms.customerId) ? documents : null;
}

/** One of the order's totals in its currency; null for an order billing does not know or show. */
const total =
  (which: keyof ReturnType<typeof orderTotals>) =>
  async ({ id }: { id: string }, _: unknown, ctx: BillingContext) => {
    const documents = await visibleDocuments(id, ctx);
    return documents && money(orderTotals(documents)[which], documents.terms.currency);
  };

/** A page of the order's documents of one kind: those the caller may see (all its customer's). */
const visiblePage = <T extends { customerId: string }>(
  ctx: BillingContext,
  args: PageArgs,
  order: ListOrder,
  load: (page: Page) => Promise<T[]>,
) =>
  paged(args, order, async (page) =>
    visibleOnly(ctx.principal, "invoices:read", await load(page), customerOf),
  );

// An order's documents are all its customer's: someone else's order shows empty pages and no totals.
export const Order: OrderResolvers = {
  invoices: ({ id }, args, ctx) =>
    visiblePage(ctx, args, INVOICES_OLDEST_FIRST, (page) =>
      ctx.loaders.invoicesOfOrder.load({ parent: id, page }),
    ),
  creditNotes: ({ id }, args, ctx) =>
    visiblePage(ctx, args, NOTES_OLDEST_FIRST, (page) =>
      ctx.loaders.creditNotesOfOrder.load({ parent: id, page }),
    ),
  adjustmentNotes: ({ id }, args, ctx) =>
    visiblePage(ctx, args, NOTES_OLDEST_FIRST, (page) =>
      ctx.loaders.adjustmentNotesOfOrder.load({ parent: id, page }),
    ),
  billedTotal: total("billed"),
  creditedTotal: total("credited"),
  netBilled: total("net"),
  // What carriers cost us is the business's own figure: staff only, like billingFigures.
  async shippingMargin(order, _, ctx) {
    requireStaff(ctx.principal, "invoices:read");
    const documents = await ctx.loaders.orderDocuments(order.id);
    if (!documents) return null;
    const { currency } = documents.terms;
    const { charged, cost, margin } = shippingMargin(documents);
    return {
      charged: money(charged, currency),
      cost: money(cost, currency),
      margin: money(margin, currency),
    };
  },
};
