import type { EventOf } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/bus";
import type { UnitOfWork } from "@waybill/service";
import { applyReturn, refundRuleOf, unitsLeft } from "../domain/returns.ts";
import type { BillingRepository } from "../store/repository.ts";
import { commitToOrder } from "./credit-notes.ts";

/**
 * Settles a received return: credits the issued invoices it reaches and lowers those not issued
 * yet (`domain/returns.ts`), then tells returns once, all in one transaction.
 */
export async function settleReturn(
  repo: BillingRepository,
  event: EventOf<"returns.return.received">,
  work: UnitOfWork,
): Promise<void> {
  const { returnId, orderId, customerId, lines } = event.data;
  const { session } = work;
  // The inbox drops the same event twice; a return told again in a new event changes nothing either.
  if (await repo.settlementOf(returnId, session)) return;
  const terms = await repo.orderTerms(orderId, session);
  if (!terms) throw new RetryLaterError(`order ${orderId} has not reached billing yet`);
  const applied = applyReturn(await repo.invoicesOfOrder(orderId, session), {
    returnId,
    lines: lines.map((line) => ({ lineId: line.lineId, quantity: line.received })),
    rule: refundRuleOf(terms),
    at: new Date(),
  });
  // Units on no invoice yet were shipped in a shipment whose confirmation has not arrived.
  if (applied.short.length)
    throw new RetryLaterError(`return ${returnId}: ${unitsLeft(applied.short)} on no invoice yet`);
  const notes = await commitToOrder(repo, applied, work);
  const settledAt = new Date();
  const settlement = {
    returnId,
    orderId,
    customerId,
    creditNoteIds: notes.map((note) => note._id),
    credited: applied.credited,
    uninvoiced: applied.uninvoiced,
  };
  await repo.recordSettlement({ _id: returnId, ...settlement, settledAt }, session);
  await work.emit("billing.return.settled", returnId, {
    ...settlement,
    settledAt: settledAt.toISOString(),
  });
  work.logger.info(
    { returnId, orderId, creditNotes: notes.length, uninvoiced: applied.uninvoiced.length },
    "return settled",
  );
}
