import type { TimelineRecord } from "../store/records.ts";

/** The timeline in the order things happened; entries of the same instant keep arrival order. */
export const chronological = (timeline: TimelineRecord[]): TimelineRecord[] =>
  // Stable: entries of the same instant stay in the order they were recorded in.
  [...timeline].sort((a, b) => a.at.getTime() - b.at.getTime());
