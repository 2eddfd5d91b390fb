/**
 * What a received return does to an order's invoices. Each line's received units are taken first
 * from issued invoices (newest issued first), up to what each invoiced and has not credited, then
 * from invoices not issued yet (newest first):
 *
 * - Returned goods reached the customer, so they were most likely delivered, and under delivery
 *   policies a delivered shipment's invoice is the issued one; the newest is the likeliest still
 *   within the return window. An issued invoice is credited (one credit note per invoice, at its
 *   price and tax), never above what it invoiced (ERPNext #50768: no double invoicing).
 * - What no issued invoice has room for was never invoiced: it lowers what will be (ERPNext
 *   #58825, #52647), taken off the lines of invoices not issued yet, with no credit note. The
 *   shipping rule applies as if they had been invoiced and credited: under ALWAYS such an invoice
 *   loses its shipping charge; one left with no line is voided (an issued invoice bills goods, so
 *   shipping alone is never issued), which under ON_FULL_RETURN is the refund anyway.
 * - Units no invoice has room for belong to a shipment billing has not heard of yet: the caller
 *   retries the return later rather than lose them.
 */
import type { ShippingRefundRule } from "@waybill/contracts";
import type { InvoiceRecord, LineUnits, OrderTerms, ReturnedRecord } from "../store/records.ts";
import { creditInvoice, uncreditedUnits, type CreditNoteContent } from "./credit.ts";
import { chargesOf, repriced } from "./invoice.ts";
import { unchanged, voidBeforeIssue, type Transition } from "./lifecycle.ts";

export type ReturnToApply = {
  returnId: string;
  lines: readonly LineUnits[];
  /** The order's shipping refund rule. */
  rule: ShippingRefundRule;
  at: Date;
};

export interface ReturnApplied {
  /** Every invoice the return reached, as it ends up, with what to announce (a draft's void). */
  transitions: Transition[];
  /** One credit note per issued invoice reached. */
  notes: CreditNoteContent[];
  /** Units credited, per order line. */
  credited: LineUnits[];
  /** Units taken off invoices not issued yet, per order line. */
  uninvoiced: LineUnits[];
  /** Units no invoice had room for. */
  short: LineUnits[];
}

type Units = Map<string, number>;

/** The order's shipping refund rule; orders recorded before the rule existed never refund. */
export const refundRuleOf = (terms: OrderTerms): ShippingRefundRule =>
  terms.shippingRefund ?? "NEVER";

/** "2 unit(s) of line l1, 1 unit(s) of line l2", for messages. */
export const unitsLeft = (lines: readonly LineUnits[]): string =>
  lines.map(({ lineId, quantity }) => `${quantity} unit(s) of line ${lineId}`).join(", ");

/** Units per line, summed, without zeros. */
function unitsByLine(lines: readonly LineUnits[]): Units {
  const units: Units = new Map();
  for (const { lineId, quantity } of lines)
    if (quantity > 0) units.set(lineId, (units.get(lineId) ?? 0) + quantity);
  return units;
}

const asLines = (units: Units): LineUnits[] =>
  [...units].flatMap(([lineId, quantity]) => (quantity > 0 ? [{ lineId, quantity }] : []));

/** Latest first by an instant, then by a key ordering what happened in the same millisecond. */
const newestFirst =
  (key: (invoice: InvoiceRecord) => [Date, string]) => (a: InvoiceRecord, b: InvoiceRecord) => {
    const [atA, tieA] = key(a);
    const [atB, tieB] = key(b);
    return atB.getTime() - atA.getTime() || (tieA < tieB ? 1 : tieA > tieB ? -1 : 0);
  };

/**
 * Issued invoices, newest issued first (their numbers order those issued in one millisecond), then
 * those not issued yet, newest first; never a VOID one.
 */
export function allocationOrder(invoices: readonly InvoiceRecord[]): InvoiceRecord[] {
  const live = invoices.filter((invoice) => invoice.status !== "VOID");
  return [
    ...live
      .filter((invoice) => invoice.number)
      .sort(
        newestFirst((invoice) => [invoice.issuedAt ?? invoice.createdAt, invoice.number ?? ""]),
      ),
    ...live
      .filter((invoice) => !invoice.number)
      .sort(newestFirst((invoice) => [invoice.createdAt, invoice._id])),
  ];
}

/** Units of an order line an invoice can take back: not yet credited if issued, still on it if not. */
function roomFor(invoice: InvoiceRecord, lineId: string): number {
  if (invoice.status === "VOID") return 0;
  const line = invoice.lines.find((candidate) => candidate.lineId === lineId);
  if (!line) return 0;
  return invoice.number ? uncreditedUnits(invoice, line) : line.quantity;
}

/** Takes each line's units from the invoices in allocation order: units per invoice, and what is left. */
function allocate(
  invoices: readonly InvoiceRecord[],
  units: Units,
): { taken: Map<string, Units>; short: LineUnits[] } {
  const order = allocationOrder(invoices);
  const taken = new Map<string, Units>();
  const short: LineUnits[] = [];
  for (const [lineId, quantity] of units) {
    let left = quantity;
    for (const invoice of order) {
      const take = Math.min(left, roomFor(invoice, lineId));
      if (take <= 0) continue;
      const onInvoice = taken.get(invoice._id) ?? new Map<string, number>();
      onInvoice.set(lineId, take);
      taken.set(invoice._id, onInvoice);
      left -= take;
      if (!left) break;
    }
    if (left) short.push({ lineId, quantity: left });
  }
  return { taken, short };
}

/** The return units an invoice absorbed (none on invoices made before returns existed). */
export const returnedOf = (invoice: InvoiceRecord): ReturnedRecord[] => invoice.returned ?? [];

/**
 * Takes returned units off an invoice not issued yet and prices it again; under ALWAYS it loses its
 * shipping charge, and with no line left it is voided.
 */
export function lowerDraft(
  invoice: InvoiceRecord,
  units: Units,
  rule: ShippingRefundRule,
  at: Date,
): Transition {
  const lines = invoice.lines
    .map((line) => ({ ...line, quantity: line.quantity - (units.get(line.lineId) ?? 0) }))
    .filter((line) => line.quantity > 0);
  const shipping = rule === "ALWAYS" ? 0 : invoice.shippingCharge;
  const lowered = repriced(invoice, lines, shipping, chargesOf(invoice));
  return lines.length
    ? unchanged(lowered)
    : voidBeforeIssue(lowered, at, "every unit was returned before the invoice was issued");
}

const addUnits = (into: Units, units: Units) => {
  for (const [lineId, quantity] of units) into.set(lineId, (into.get(lineId) ?? 0) + quantity);
};

/** Applies a received return to an order's invoices (see the top of this file). */
export function applyReturn(
  invoices: readonly InvoiceRecord[],
  { returnId, lines, rule, at }: ReturnToApply,
): ReturnApplied {
  const { taken, short } = allocate(invoices, unitsByLine(lines));
  const transitions: Transition[] = [];
  const notes: CreditNoteContent[] = [];
  const credited: Units = new Map();
  const uninvoiced: Units = new Map();
  for (const invoice of invoices) {
    const units = taken.get(invoice._id);
    if (!units) continue;
    const absorbed = asLines(units).map((line) => ({ returnId, ...line }));
    const marked = { ...invoice, returned: [...returnedOf(invoice), ...absorbed] };
    if (invoice.number) {
      const { invoice: after, note } = creditInvoice(marked, units, "RETURN", returnId, rule);
      transitions.push(unchanged(after));
      notes.push(note);
      addUnits(credited, units);
    } else {
      transitions.push(lowerDraft(marked, units, rule, at));
      addUnits(uninvoiced, units);
    }
  }
  return {
    transitions,
    notes,
    credited: asLines(credited),
    uninvoiced: asLines(uninvoiced),
    short,
  };
}
