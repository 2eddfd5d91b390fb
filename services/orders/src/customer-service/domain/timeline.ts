import { pageOfArray, type ListOrder, type Page } from "@waybill/graphql";
import type { NoteRecord, TimelineRecord } from "../store/records.ts";

/**
 * Entries kept in arrival order on their document (a timeline, a case's notes), read by time: the
 * position breaks ties, so entries of one instant stay in the order they were recorded in. Entries
 * are only ever appended, so a position never changes and a cursor stays valid.
 */
export const ENTRIES_BY_TIME = [
  { field: "at", direction: 1, kind: "date" },
  { field: "position", direction: 1, kind: "number" },
] as const satisfies ListOrder;

/** A page of entries in the order things happened. */
export const entriesPage = <T extends TimelineRecord | NoteRecord>(entries: T[], page: Page) =>
  pageOfArray(entries, page, ENTRIES_BY_TIME, (entry, position) => [entry.at, position]);
