import type { Session } from "@waybill/store";
import type { ShipmentsCollections } from "./collections.ts";
import type { ParkedMilestoneRecord } from "./records.ts";

/** Milestones waiting for their shipment. */
export function parkedMilestones({ parked }: ShipmentsCollections) {
  return {
    parkMilestone: (record: ParkedMilestoneRecord, session: Session) =>
      parked.insertOne(record, { session }),
    /** Every milestone parked for a tracking key, whenever it occurred. */
    parkedFor: (trackingKey: string, session: Session) => parked.find({ trackingKey }, { session }),
    unpark: (id: string, session: Session) => parked.deleteOne({ _id: id }, { session }),
    /** Oldest first. */
    listParked: (first: number) => parked.find({}, { sort: { parkedAt: 1 }, limit: first }),
  };
}
