import type { BackgroundJob, ServiceRuntime } from "@waybill/service";
import { onGraceExpired } from "../domain/milestones.ts";
import { billingRepository } from "../store/repository.ts";
import { commit } from "./commit.ts";

/**
 * Holds (POD_MISSING) the proof-of-delivery invoices whose shipment was delivered longer than the
 * grace period ago without proof. Checks a few times per grace period, at most every minute.
 */
export function podSweep(runtime: ServiceRuntime, graceSeconds: number): BackgroundJob {
  const repo = billingRepository(runtime.store);
  const graceMs = graceSeconds * 1000;
  return {
    name: "pod-grace",
    intervalMs: Math.min(60_000, Math.max(500, graceMs / 4)),
    async run() {
      const now = new Date();
      const due = await repo.awaitingProof(new Date(now.getTime() - graceMs));
      for (const { _id } of due) {
        await runtime.transact(async (work) => {
          const invoice = await repo.findInvoice(_id, work.session);
          if (!invoice) return;
          const transition = onGraceExpired(invoice, graceMs, now);
          if (transition.changes.length) await commit(repo, transition, work);
        });
      }
    },
  };
}
