import {
  type ExceptionCategory,
  type ExceptionRecord,
  EXCEPTIONS,
  OUTBOX,
  type OutboxRecord,
} from "@waybill/bus";
import type { Metrics } from "@waybill/observability";
import type { Store } from "@waybill/store";

const CATEGORIES = [
  "validation",
  "missing_reference",
  "conflict",
  "max_deliveries",
] as const satisfies readonly ExceptionCategory[];

const ageSeconds = (since: Date | undefined): number =>
  since ? Math.max(0, Date.now() - since.getTime()) / 1000 : 0;

/**
 * Samples what waits in the service's store: the outbox backlog (records not yet published) and
 * the open exceptions by category, with the age of the oldest. Returns the sampling function.
 */
export function storeSampler(metrics: Metrics, store: Store): () => Promise<void> {
  const backlog = metrics.gauge({
    name: "waybill_outbox_backlog",
    help: "Outbox records not yet published to the broker, sampled.",
  });
  const backlogAge = metrics.gauge({
    name: "waybill_outbox_oldest_age_seconds",
    help: "Age of the oldest unpublished outbox record (0 when empty), sampled.",
  });
  const open = metrics.gauge({
    name: "waybill_exceptions_open",
    help: "Open exceptions (events parked for an owner) by category, sampled.",
    labelNames: ["category"],
  });
  const oldest = metrics.gauge({
    name: "waybill_exceptions_oldest_age_seconds",
    help: "Age of the oldest open exception by category (0 when none), sampled.",
    labelNames: ["category"],
  });
  const outbox = store.collection<OutboxRecord>(OUTBOX);
  const exceptions = store.collection<ExceptionRecord>(EXCEPTIONS);

  return async () => {
    const [first] = await outbox.find({}, { sort: { seq: 1 }, limit: 1 });
    backlog.set(first ? await outbox.countDocuments({}) : 0);
    backlogAge.set(ageSeconds(first?.createdAt));
    let counted = 0;
    for (const category of CATEGORIES) {
      const filter = { status: "open", category };
      const count = await exceptions.countDocuments(filter);
      const earliest = count
        ? await exceptions.findOne(filter, { sort: { firstSeenAt: 1 } })
        : null;
      counted += count;
      open.set({ category }, count);
      oldest.set({ category }, ageSeconds(earliest?.firstSeenAt));
    }
    // Categories added later still show up, if only as a total.
    open.set(
      { category: "other" },
      (await exceptions.countDocuments({ status: "open" })) - counted,
    );
  };
}
