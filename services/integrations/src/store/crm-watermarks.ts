import type { Store } from "@waybill/store";

/**
 * How far a CRM's changes have been read: the newest change time handled (as the CRM spells it,
 * to the second) and the records handled at that very second, which a query from that second on
 * answers again.
 */
export type CrmWatermarkRecord = {
  /** The connector's name. */
  _id: string;
  at: string;
  /** Record id → its change time, for the records changed within `at`'s second. */
  seen: Record<string, string>;
  updatedAt: Date;
};

/** Where each CRM connector resumes reading changes after a restart. */
export function crmWatermarkRepository(store: Store) {
  const watermarks = store.collection<CrmWatermarkRecord>("crmWatermarks");
  return {
    watermark: (connector: string) => watermarks.findOne({ _id: connector }),
    save: (connector: string, at: string, seen: Record<string, string>) =>
      watermarks.updateOne(
        { _id: connector },
        { $set: { at, seen, updatedAt: new Date() } },
        { upsert: true },
      ),
  };
}

export type CrmWatermarkRepository = ReturnType<typeof crmWatermarkRepository>;
