import type { EventOf } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/bus";
import type { UnitOfWork } from "@waybill/service";
import { onMilestone } from "../domain/milestones.ts";
import type { BillingRepository } from "../store/repository.ts";
import { commit } from "./commit.ts";

/** Applies a carrier milestone to its shipment's invoice: issue, hold or release per the policy. */
export async function applyMilestone(
  repo: BillingRepository,
  event: EventOf<"shipments.milestone.recorded">,
  work: UnitOfWork,
): Promise<void> {
  const invoice = await repo.invoiceOfShipment(event.data.shipmentId, work.session);
  // The milestone can overtake the confirmation on its way here: retry until the invoice exists.
  if (!invoice) throw new RetryLaterError(`no invoice for shipment ${event.data.shipmentId} yet`);
  const transition = onMilestone(invoice, event.data);
  if (transition.changes.length || transition.invoice !== invoice)
    await commit(repo, transition, work);
}
