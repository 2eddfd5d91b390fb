import type { DespatchDocument, FinanceDocument } from "../documents.ts";
import { decimal } from "./amounts.ts";
import { despatchLines, financeLines, type ItemLine, totalCents } from "./lines.ts";
import type { EdifactPartner, ItemIdentifier } from "./mapping.ts";
import type { Envelope } from "./x12.ts";

/** UN/EDIFACT directory D.96A, syntax UNOC version 3, default separators declared in UNA. */
const UNA = "UNA:+.? '";

type Segment = (string | string[])[];

/** Escapes EDIFACT's separators and the release character itself with `?`. */
const escape = (value: string) => value.replace(/([?:+'])/g, "?$1");

const elementText = (element: string | string[]) =>
  Array.isArray(element) ? element.map(escape).join(":") : escape(element);

/** A segment with its trailing empty elements left out, as the syntax rules ask. */
function segmentText([tag, ...elements]: Segment): string {
  const texts = elements.map(elementText);
  while (texts.length > 0 && texts.at(-1)?.replace(/:/g, "") === "") texts.pop();
  return [tag, ...texts].join("+") + "'";
}

const stamp = (iso: string | Date) =>
  new Date(iso).toISOString().slice(0, 16).replace(/[-T:]/g, "");

/** X12's product id qualifiers in EDIFACT's 7143 codes: LIN carries UP/EN, PIA the others. */
const ITEM_TYPE: Record<ItemIdentifier["qualifier"], string> = {
  UP: "UP",
  EN: "EN",
  BP: "IN",
  IN: "IN",
  VN: "SA",
};

function itemSegments(item: ItemLine, position: number): Segment[] {
  const main = item.identifiers.find((id) => id.qualifier === "UP" || id.qualifier === "EN");
  const others = item.identifiers.filter((id) => id !== main);
  return [
    ["LIN", String(position), "", main ? [main.id, ITEM_TYPE[main.qualifier]] : ""],
    ...others.map((id): Segment => ["PIA", "5", [id.id, ITEM_TYPE[id.qualifier]]]),
  ];
}

/**
 * One interchange of one message: UNB's reference (0020) and UNH's (0062) are the control
 * number; UNT counts the message's segments (UNH and UNT included), UNZ the messages.
 */
function interchange(
  partner: EdifactPartner,
  envelope: Envelope,
  type: string,
  body: Segment[],
): string {
  const reference = String(envelope.controlNumber);
  const at = stamp(envelope.preparedAt);
  const unb = partner.unb;
  const message: Segment[] = [["UNH", reference, [type, "D", "96A", "UN"]], ...body];
  message.push(["UNT", String(message.length + 1), reference]);
  const segments: Segment[] = [
    [
      "UNB",
      ["UNOC", "3"],
      unb.senderQualifier ? [unb.senderId, unb.senderQualifier] : unb.senderId,
      unb.receiverQualifier ? [unb.receiverId, unb.receiverQualifier] : unb.receiverId,
      [at.slice(2, 8), at.slice(8, 12)],
      reference,
      ...(unb.test ? ["", "", "", "", "", "1"] : []),
    ],
    ...message,
    ["UNZ", "1", reference],
  ];
  return [UNA, ...segments.map(segmentText)].join("\n") + "\n";
}

const orderNumber = (order: { id: string; externalReference: string | null }) =>
  order.externalReference ?? order.id;

/** DESADV of a despatch: the shipped quantities (QTY+12) per line, CNT+2 the number of lines. */
export function desadv(document: DespatchDocument, partner: EdifactPartner, envelope: Envelope) {
  const items = despatchLines(document, partner);
  const body: Segment[] = [
    ["BGM", "351", document.number, "9"],
    ["DTM", ["137", stamp(envelope.preparedAt), "203"]],
    ["DTM", ["11", stamp(document.shippedAt), "203"]],
    ["RFF", ["ON", orderNumber(document.order)]],
    ["RFF", ["CN", document.trackingNumber]],
    ["NAD", "SF", [document.warehouse, "", "92"]],
    ["TDT", "20", "", "", "", ["", "", "", document.carrier]],
    ["CPS", "1"],
  ];
  items.forEach((item, index) => {
    body.push(...itemSegments(item, index + 1), ["QTY", ["12", String(item.quantity)]]);
  });
  body.push(["CNT", ["2", String(items.length)]]);
  return interchange(partner, envelope, "DESADV", body);
}

/**
 * INVOIC of a billing document: an invoice (BGM 380), a credit note (381) or an adjustment note
 * (debit note, 383), the latter two referring to the invoice (RFF+IV). Line amounts MOA+203,
 * MOA+79 their sum, charges as ALC with MOA+8, MOA+86 the net total of lines and charges;
 * CNT+2 the number of lines. Tax is not carried.
 */
export function invoic(document: FinanceDocument, partner: EdifactPartner, envelope: Envelope) {
  const lines = financeLines(document, partner);
  const type =
    document.kind === "invoice" ? "380" : document.kind === "credit_note" ? "381" : "383";
  const body: Segment[] = [
    ["BGM", type, document.number, "9"],
    ["DTM", ["137", stamp(document.issuedAt), "203"]],
    ["RFF", ["ON", orderNumber(document.order)]],
    ...(document.invoice ? [["RFF", ["IV", document.invoice.number]] as Segment] : []),
    ["CUX", ["2", document.currency, "4"]],
  ];
  lines.items.forEach((item, index) => {
    const unit = item.unitCents ?? 0n;
    body.push(
      ...itemSegments(item, index + 1),
      ["QTY", ["47", String(item.quantity)]],
      ["MOA", ["203", decimal(BigInt(item.quantity) * unit)]],
      ["PRI", ["AAA", decimal(unit)]],
    );
  });
  body.push(["UNS", "S"], ["CNT", ["2", String(lines.items.length)]]);
  const itemsOnly = totalCents({ items: lines.items, charges: [] });
  body.push(["MOA", ["79", decimal(itemsOnly)]], ["MOA", ["86", decimal(totalCents(lines))]]);
  for (const charge of lines.charges)
    body.push(["ALC", "C", "", "", "", [charge.code]], ["MOA", ["8", decimal(charge.cents)]]);
  return interchange(partner, envelope, "INVOIC", body);
}
