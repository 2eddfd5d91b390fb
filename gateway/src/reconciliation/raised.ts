import type { Store } from "@waybill/store";
import type { Discrepancy, DiscrepancyKind, Owner } from "./compare.ts";

/** A discrepancy the sweep could not heal, handed to its owner; `_id` is the discrepancy's key. */
export type RaisedRecord = {
  _id: string;
  kind: DiscrepancyKind;
  owner: Owner;
  orderId: string;
  lineId: string | null;
  reference: string | null;
  detail: string;
  status: "OPEN" | "CLEARED";
  raisedAt: Date;
  /** When a sweep last found it. */
  lastSeenAt: Date;
  /** When a sweep found it gone (someone fixed it). */
  clearedAt: Date | null;
};

/** The reconciliation's exceptions, in the gateway's store. */
export function raisedStore(store: Store) {
  const raised = store.collection<RaisedRecord>("reconciliation_exceptions");
  return {
    /** The open exceptions of these orders. */
    openOf: (orderIds: string[]) => raised.find({ orderId: { $in: orderIds }, status: "OPEN" }),
    /** Raises a discrepancy (again, if it was cleared and came back); true when it was not open. */
    async raise(discrepancy: Discrepancy & { orderId: string }, now: Date): Promise<boolean> {
      const existing = await raised.findOne({ _id: discrepancy.key });
      if (existing?.status === "OPEN") {
        await raised.updateOne({ _id: discrepancy.key }, { $set: { lastSeenAt: now } });
        return false;
      }
      const record: RaisedRecord = {
        _id: discrepancy.key,
        kind: discrepancy.kind,
        owner: discrepancy.owner,
        orderId: discrepancy.orderId,
        lineId: discrepancy.lineId,
        reference: discrepancy.reference,
        detail: discrepancy.detail,
        status: "OPEN",
        raisedAt: now,
        lastSeenAt: now,
        clearedAt: null,
      };
      const { _id, ...fields } = record;
      if (existing) await raised.updateOne({ _id }, { $set: fields });
      else await raised.insertOne(record);
      return true;
    },
    /** Marks exceptions cleared whose discrepancy a sweep no longer finds. */
    async clear(ids: string[], now: Date): Promise<void> {
      if (ids.length === 0) return;
      await raised.updateMany(
        { _id: { $in: ids }, status: "OPEN" },
        { $set: { status: "CLEARED", clearedAt: now } },
      );
    },
    /** Open exceptions per kind, for the metrics. */
    async openCounts(): Promise<Map<DiscrepancyKind, number>> {
      const counts = new Map<DiscrepancyKind, number>();
      for (const record of await raised.find({ status: "OPEN" }))
        counts.set(record.kind, (counts.get(record.kind) ?? 0) + 1);
      return counts;
    },
  };
}

export type RaisedStore = ReturnType<typeof raisedStore>;
