import type { ReleaseInvoiceInput } from "../generated/resolvers.ts";
import type { BillingContext } from "../context.ts";
import { holdsInForce, release, settle } from "../domain/lifecycle.ts";
import type { InvoiceRecord } from "../store/records.ts";
import { commit } from "./commit.ts";

export type ReleaseOutcome =
  | { kind: "released"; invoice: InvoiceRecord }
  | { kind: "unknown"; invoiceId: string }
  | { kind: "not_held"; invoiceId: string };

/**
 * Finance releases holds by hand: an invoice's own before issue (it is then issued if its policy
 * allows), its collection's after.
 */
export function releaseInvoice(
  ctx: BillingContext,
  input: ReleaseInvoiceInput,
): Promise<ReleaseOutcome> {
  const { repo } = ctx;
  return ctx.runtime.transact(async (work): Promise<ReleaseOutcome> => {
    const invoice = await repo.findInvoice(input.invoiceId, work.session);
    if (!invoice) return { kind: "unknown", invoiceId: input.invoiceId };
    const held = holdsInForce(invoice).some(
      (hold) => !input.reason || hold.reason === input.reason,
    );
    if (!held) return { kind: "not_held", invoiceId: input.invoiceId };
    const comment = input.comment.trim().slice(0, 500) || null;
    const transition = settle(
      release(invoice, "FINANCE", new Date(), { reason: input.reason ?? null, comment }),
    );
    return { kind: "released", invoice: await commit(repo, transition, work) };
  });
}
