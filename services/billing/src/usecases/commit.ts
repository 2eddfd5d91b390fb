import type { UnitOfWork } from "@waybill/service";
import { documentNumber } from "../domain/invoice.ts";
import { statusOf, type Transition } from "../domain/lifecycle.ts";
import { afterEachChange, toldState } from "../domain/told-state.ts";
import { billingMetrics } from "../metrics.ts";
import type { BillingRepository } from "../store/repository.ts";
import type { InvoiceRecord } from "../store/records.ts";

/**
 * Persists an invoice transition in the caller's transaction: numbers an invoice being issued from
 * its gapless series, saves it, and emits one event per change, each telling the invoice's state
 * right after its change.
 */
export async function commit(
  repo: BillingRepository,
  { invoice, changes }: Transition,
  work: UnitOfWork,
  options: { insert?: boolean } = {},
): Promise<InvoiceRecord> {
  let current = invoice;
  const now = new Date();
  if (changes.some((change) => change.kind === "issue")) {
    const number = documentNumber(
      current.series,
      await repo.nextNumber(current.series, work.session),
    );
    current = { ...current, number, issuedAt: now };
    current = { ...current, status: statusOf(current) };
  }
  if (options.insert) await repo.addInvoice(current, work.session);
  else await repo.save(current, work.session);
  const figures = billingMetrics(work.metrics);
  const saved = current;
  work.afterCommit(() => figures.committed(saved, changes, options.insert === true));
  const ids = { invoiceId: current._id, orderId: current.orderId, shipmentId: current.shipmentId };
  // Who may hear of it: subscribers are told only of their own customer's invoices.
  const told = { ...ids, customerId: current.customerId };
  const steps = afterEachChange(current, changes);
  for (const [index, change] of changes.entries()) {
    const state = toldState(steps[index] ?? current);
    if (change.kind === "held") {
      const { reason, detail, heldAt } = change.hold;
      await work.emit("billing.invoice.held", current._id, {
        ...told,
        reason,
        detail,
        heldAt: heldAt.toISOString(),
        ...state,
      });
      work.logger.info({ ...ids, reason }, "invoice held");
    } else if (change.kind === "released") {
      const { reason, releasedBy, comment, releasedAt } = change.hold;
      await work.emit("billing.invoice.released", current._id, {
        ...told,
        reason,
        releasedBy: releasedBy ?? "AUTOMATIC",
        comment,
        releasedAt: (releasedAt ?? now).toISOString(),
        ...state,
      });
      work.logger.info({ ...ids, reason, releasedBy }, "invoice released");
    } else if (change.kind === "collection_held") {
      const { reason, detail, heldAt } = change.hold;
      await work.emit("billing.invoice_collection.held", current._id, {
        ...told,
        number: current.number ?? "",
        reason,
        detail,
        heldAt: heldAt.toISOString(),
        ...state,
      });
      work.logger.info({ ...ids, reason }, "invoice collection held");
    } else if (change.kind === "collection_released") {
      const { reason, releasedBy, comment, releasedAt } = change.hold;
      await work.emit("billing.invoice_collection.released", current._id, {
        ...told,
        number: current.number ?? "",
        reason,
        releasedBy: releasedBy ?? "AUTOMATIC",
        comment,
        releasedAt: (releasedAt ?? now).toISOString(),
        ...state,
      });
      work.logger.info({ ...ids, reason, releasedBy }, "invoice collection released");
    } else if (change.kind === "voided") {
      await work.emit("billing.invoice.voided", current._id, {
        ...told,
        voidedAt: change.at.toISOString(),
        ...state,
      });
      work.logger.info(ids, "invoice voided");
    } else {
      await work.emit("billing.invoice.issued", current._id, {
        ...told,
        number: current.number ?? "",
        lines: current.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
        total: { amount: current.total, currency: current.currency },
        issuedAt: now.toISOString(),
        touchless: !current.touched,
        ...state,
      });
      work.logger.info(
        { ...ids, number: current.number, touchless: !current.touched },
        "invoice issued",
      );
    }
  }
  return current;
}
