import { findPage, type PageQuery } from "@waybill/store";
import type { BillingCollections } from "./collections.ts";
import { NOTES_NEWEST_FIRST } from "./pages.ts";

/** Which notes a list shows: issued in [from, to), of the accounts the caller may see. */
export type NoteCriteria = {
  from?: Date | null;
  to?: Date | null;
  /** The customer accounts the caller may see; undefined for all. */
  accounts?: readonly string[] | undefined;
};

const filterOf = ({ from, to, accounts }: NoteCriteria) => ({
  ...(from || to
    ? { issuedAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } }
    : {}),
  ...(accounts ? { customerId: { $in: [...accounts] } } : {}),
});

/** Finance's lists of credit and adjustment notes, newest first. */
export function noteLists({ creditNotes, adjustmentNotes }: BillingCollections) {
  return {
    creditNotesPage: (criteria: NoteCriteria, page: PageQuery) =>
      findPage(creditNotes, filterOf(criteria), NOTES_NEWEST_FIRST, page),
    adjustmentNotesPage: (criteria: NoteCriteria, page: PageQuery) =>
      findPage(adjustmentNotes, filterOf(criteria), NOTES_NEWEST_FIRST, page),
  };
}
