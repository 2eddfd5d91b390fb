import { X12Interchange } from "node-x12";
import type { DespatchDocument, FinanceDocument } from "../documents.ts";
import { decimal } from "./amounts.ts";
import { despatchLines, financeLines, type ItemLine, totalCents } from "./lines.ts";
import type { X12Partner } from "./mapping.ts";

/** ASC X12 version 004010 throughout: GS08, and ISA12 as its interchange version. */
const VERSION = "004010";

type Segment = [tag: string, elements: string[]];

/** Which interchange to write: the control number and instant fixed when it was prepared. */
export type Envelope = { controlNumber: number; preparedAt: Date };

const date8 = (iso: string | Date) => new Date(iso).toISOString().slice(0, 10).replaceAll("-", "");
const time4 = (iso: string | Date) => new Date(iso).toISOString().slice(11, 16).replace(":", "");

/** LIN / IT1 product id pairs (qualifier, id) in the order the partner listed them. */
const idPairs = (item: ItemLine) => item.identifiers.flatMap((id) => [id.qualifier, id.id]);

/**
 * One interchange of one functional group of one transaction set; node-x12 writes the trailers
 * (SE01 counts the set's segments, GE01 the sets, IEA01 the groups). ISA13, GS06 and ST02 are
 * the same control number.
 */
function interchange(
  partner: X12Partner,
  envelope: Envelope,
  functionalId: string,
  setId: string,
  body: Segment[],
): string {
  const n = envelope.controlNumber;
  const x12 = new X12Interchange({
    segmentTerminator: "~",
    elementDelimiter: "*",
    subElementDelimiter: ">",
    format: true,
    endOfLine: "\n",
  });
  const at = envelope.preparedAt;
  x12.setHeader([
    "00",
    " ".repeat(10),
    "00",
    " ".repeat(10),
    partner.isa.senderQualifier,
    partner.isa.senderId.padEnd(15),
    partner.isa.receiverQualifier,
    partner.isa.receiverId.padEnd(15),
    date8(at).slice(2),
    time4(at),
    "U",
    "00401",
    String(n).padStart(9, "0"),
    "0",
    partner.isa.usage,
    ">",
  ]);
  const group = x12.addFunctionalGroup();
  group.setHeader([
    functionalId,
    partner.gs.senderCode,
    partner.gs.receiverCode,
    date8(at),
    time4(at),
    String(n),
    "X",
    VERSION,
  ]);
  const set = group.addTransaction();
  set.setHeader([setId, String(n).padStart(4, "0")]);
  for (const [tag, elements] of body) set.addSegment(tag, elements);
  return x12.toString();
}

/** The purchase order number the partner knows the order by: its own reference, else ours. */
const orderNumber = (order: { id: string; externalReference: string | null }) =>
  order.externalReference ?? order.id;

/**
 * 856 advance ship notice of a despatch: Shipment, Order and Item levels (BSN05 0004), only the
 * shipped quantities; CTT01 is the number of HL segments.
 */
export function asn856(document: DespatchDocument, partner: X12Partner, envelope: Envelope) {
  const items = despatchLines(document, partner);
  const body: Segment[] = [
    ["BSN", ["00", document.number, date8(document.shippedAt), time4(document.shippedAt), "0004"]],
    ["DTM", ["011", date8(document.shippedAt), time4(document.shippedAt)]],
    ["HL", ["1", "", "S"]],
    ["TD5", ["", "2", document.carrier, "", document.service]],
    ["REF", ["CN", document.trackingNumber]],
    ["N1", ["SF", document.warehouse]],
    ["HL", ["2", "1", "O"]],
    ["PRF", [orderNumber(document.order)]],
  ];
  items.forEach((item, index) => {
    body.push(["HL", [String(index + 3), "2", "I"]]);
    body.push(["LIN", ["", ...idPairs(item)]]);
    body.push(["SN1", ["", String(item.quantity), "EA"]]);
  });
  body.push(["CTT", [String(items.length + 2)]]);
  return interchange(partner, envelope, "SH", "856", body);
}

/**
 * 810 invoice: one IT1 per billed product line, shipping and charges as SAC, TDS01 the net total
 * in cents (two implied decimals), CTT01 the number of IT1 lines. Tax is not carried.
 */
export function invoice810(document: FinanceDocument, partner: X12Partner, envelope: Envelope) {
  const lines = financeLines(document, partner);
  const body: Segment[] = [
    ["BIG", [date8(document.issuedAt), document.number, "", orderNumber(document.order)]],
    ["CUR", ["SE", document.currency]],
  ];
  lines.items.forEach((item, index) => {
    body.push([
      "IT1",
      [
        String(index + 1),
        String(item.quantity),
        "EA",
        decimal(item.unitCents ?? 0n),
        "",
        ...idPairs(item),
      ],
    ]);
  });
  body.push(["TDS", [String(totalCents(lines))]]);
  for (const charge of lines.charges)
    body.push(["SAC", ["C", charge.code, "", "", String(charge.cents)]]);
  body.push(["CTT", [String(lines.items.length)]]);
  return interchange(partner, envelope, "IN", "810", body);
}

/**
 * 812 credit/debit adjustment: a credit note as a credit, an adjustment note as a debit, against
 * the original invoice's number (BCD07). BCD04 is the net total in cents; one CDD per line.
 */
export function adjustment812(document: FinanceDocument, partner: X12Partner, envelope: Envelope) {
  const lines = financeLines(document, partner);
  const flag = document.kind === "credit_note" ? "C" : "D";
  const reason =
    document.kind === "credit_note"
      ? partner.adjustmentReasons.credit
      : partner.adjustmentReasons.debit;
  const body: Segment[] = [
    [
      "BCD",
      [
        date8(document.issuedAt),
        document.number,
        "I",
        String(totalCents(lines)),
        flag,
        "",
        document.invoice?.number ?? "",
        "",
        "",
        orderNumber(document.order),
      ],
    ],
    ["CUR", ["SE", document.currency]],
    ["N1", ["SE", partner.gs.senderCode]],
  ];
  let sequence = 0;
  for (const item of lines.items) {
    sequence += 1;
    const amount = BigInt(item.quantity) * (item.unitCents ?? 0n);
    body.push([
      "CDD",
      [
        reason,
        flag,
        String(sequence),
        String(amount),
        "",
        "",
        String(item.quantity),
        "EA",
        "",
        "",
        decimal(item.unitCents ?? 0n),
      ],
    ]);
    body.push(["LIN", ["", ...idPairs(item)]]);
  }
  for (const charge of lines.charges) {
    sequence += 1;
    body.push(["CDD", [reason, flag, String(sequence), String(charge.cents)]]);
    body.push(["SAC", ["C", charge.code, "", "", String(charge.cents)]]);
  }
  return interchange(partner, envelope, "CD", "812", body);
}
