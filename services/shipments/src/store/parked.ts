import { findPage, type PageQuery, type Session } from "@waybill/store";
import type { ShipmentsCollections } from "./collections.ts";
import { PARKED_OLDEST_FIRST } from "./pages.ts";
import type { ParkedMilestoneRecord } from "./records.ts";

/** Milestones waiting for their shipment. */
export function parkedMilestones({ parked }: ShipmentsCollections) {
  return {
    parkMilestone: (record: ParkedMilestoneRecord, session: Session) =>
      parked.insertOne(record, { session }),
    /** Every milestone parked for a tracking key, whenever it occurred. */
    parkedFor: (trackingKey: string, session: Session) => parked.find({ trackingKey }, { session }),
    unpark: (id: string, session: Session) => parked.deleteOne({ _id: id }, { session }),
    /** A page of parked milestones, oldest first. */
    parkedPage: (page: PageQuery) => findPage(parked, {}, PARKED_OLDEST_FIRST, page),
  };
}
