/**
 * A voided shipment (its label cancelled before pickup) bills nothing:
 *
 * - its invoice not issued yet is VOID: its holds end (each released automatically and told) and
 *   it is never numbered;
 * - its issued invoice stays ISSUED (an issued document is only ever taken back by a credit note):
 *   one credit note, reason VOID, credits whatever is left of it (every uncredited unit, the
 *   shipping and the re-billed charges, with their tax), and the holds on its collection end.
 *
 * Units of returns the invoice had absorbed were goods of the order's other shipments (nothing of
 * a voided shipment reached the customer): they are taken again from the rest of the order, as
 * the return itself would have been, so that net invoiced never exceeds net shipped.
 */
import type { ShippingRefundRule } from "@waybill/contracts";
import type { InvoiceRecord, LineUnits } from "../store/records.ts";
import {
  creditInvoice,
  everyUncreditedUnit,
  leftToCredit,
  type CreditNoteContent,
} from "./credit.ts";
import { later, release, voidBeforeIssue, type Transition } from "./lifecycle.ts";
import { applyReturn, returnedOf } from "./returns.ts";

export interface VoidApplied {
  /** Every invoice of the order that changed, as it ends up, with what to announce. */
  transitions: Transition[];
  notes: CreditNoteContent[];
  /** Returned units the rest of the order had no room for (yet). */
  short: LineUnits[];
}

const MAX_TEXT = 500;

/** Voids `invoice`'s shipment, and moves the return units it had absorbed to the order's others. */
export function voidShipment(
  invoices: readonly InvoiceRecord[],
  invoice: InvoiceRecord,
  { voidedAt, reason, rule }: { voidedAt: Date; reason: string; rule: ShippingRefundRule },
): VoidApplied {
  // Told no earlier than the invoice's own stamps, like its holds.
  const at = later(later(voidedAt, invoice.createdAt), invoice.issuedAt);
  const why = `shipment voided: ${reason}`.slice(0, MAX_TEXT);
  const marked: InvoiceRecord = { ...invoice, voidedAt: at, returned: [] };
  const notes: CreditNoteContent[] = [];
  let voided: Transition;
  if (!invoice.number) voided = voidBeforeIssue(marked, at, why);
  else {
    let credited = marked;
    if (leftToCredit(marked)) {
      const credit = creditInvoice(marked, everyUncreditedUnit(marked), "VOID", null, rule);
      credited = credit.invoice;
      notes.push(credit.note);
    }
    voided = release(credited, "AUTOMATIC", at, { comment: why });
  }

  const changed = new Map<string, Transition>([[invoice._id, voided]]);
  const current = () =>
    invoices.map((candidate) => changed.get(candidate._id)?.invoice ?? candidate);
  const short: LineUnits[] = [];
  const returns = Map.groupBy(returnedOf(invoice), (units) => units.returnId);
  for (const [returnId, lines] of returns) {
    const again = applyReturn(current(), { returnId, lines, rule, at });
    for (const next of again.transitions) {
      const before = changed.get(next.invoice._id);
      changed.set(next.invoice._id, {
        invoice: next.invoice,
        changes: [...(before?.changes ?? []), ...next.changes],
      });
    }
    notes.push(...again.notes);
    short.push(...again.short);
  }
  return { transitions: [...changed.values()], notes, short };
}
