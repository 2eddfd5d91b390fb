import type { EventOf } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/bus";
import type { UnitOfWork } from "@waybill/service";
import { refundRuleOf, unitsLeft } from "../domain/returns.ts";
import { voidShipment } from "../domain/void.ts";
import type { BillingRepository } from "../store/repository.ts";
import { commitToOrder } from "./credit-notes.ts";

/** A voided shipment's invoice bills nothing: void before issue, a full credit note after. */
export async function voidShipmentInvoice(
  repo: BillingRepository,
  event: EventOf<"shipments.shipment.voided">,
  work: UnitOfWork,
): Promise<void> {
  const { shipmentId, voidedAt, reason } = event.data;
  const { session } = work;
  const invoice = await repo.invoiceOfShipment(shipmentId, session);
  // The void can overtake the confirmation on its way here: retry until the invoice exists.
  if (!invoice) throw new RetryLaterError(`no invoice for shipment ${shipmentId} yet`);
  if (invoice.voidedAt) return;
  const terms = await repo.orderTerms(invoice.orderId, session);
  if (!terms) throw new RetryLaterError(`order ${invoice.orderId} has not reached billing yet`);
  const applied = voidShipment(await repo.invoicesOfOrder(invoice.orderId, session), invoice, {
    voidedAt: new Date(voidedAt),
    reason,
    rule: refundRuleOf(terms),
  });
  // Returned units the voided invoice had taken belong on another shipment's invoice, not here yet.
  if (applied.short.length)
    throw new RetryLaterError(
      `void of shipment ${shipmentId}: returned ${unitsLeft(applied.short)} on no other invoice yet`,
    );
  await commitToOrder(repo, applied, work);
  work.logger.info({ shipmentId, invoiceId: invoice._id }, "shipment voided");
}
