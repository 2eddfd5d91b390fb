import type { ReleaseInvoiceInput } from "../generated/resolvers.ts";
import type { BillingContext } from "../context.ts";
import { activeHolds, release, settle } from "../domain/lifecycle.ts";
import type { InvoiceRecord } from "../store/records.ts";
import { commit } from "./commit.ts";

export type ReleaseOutcome =
  | { kind: "released"; invoice: InvoiceRecord }
  | { kind: "unknown"; invoiceId: string }
  | { kind: "not_held"; invoiceId: string };

/** Finance releases holds by hand; the invoice is issued if its policy then allows. */
export function releaseInvoice(
  ctx: BillingContext,
  input: ReleaseInvoiceInput,
): Promise<ReleaseOutcome> {
  const { repo } = ctx;
  return ctx.runtime.transact(async (work): Promise<ReleaseOutcome> => {
    const invoice = await repo.findInvoice(input.invoiceId, work.session);
    if (!invoice) return { kind: "unknown", invoiceId: input.invoiceId };
    const held = activeHolds(invoice).some((hold) => !input.reason || hold.reason === input.reason);
    if (!held) return { kind: "not_held", invoiceId: input.invoiceId };
    const comment = input.comment.trim().slice(0, 500) || null;
    const transition = settle(
      release(invoice, "FINANCE", new Date(), { reason: input.reason ?? null, comment }),
    );
    return { kind: "released", invoice: await commit(repo, transition, work) };
  });
}
