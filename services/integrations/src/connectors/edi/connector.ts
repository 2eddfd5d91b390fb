import type { DespatchDocument, FinanceDocument } from "../documents.ts";
import type { MappingFile } from "../mapping-file.ts";
import { type Connector, NotForThisSystem } from "../outcome.ts";
import { asn856, adjustment812, type Envelope, invoice810 } from "./x12.ts";
import { desadv, invoic } from "./edifact.ts";
import { writeAtomically } from "./files.ts";
import type { InterchangeRepository } from "../../store/edi.ts";
import { despatchLines, financeLines } from "./lines.ts";
import type { EdiMapping, EdiPartner } from "./mapping.ts";

/** `<partner>-<control number, 9 digits>.<x12|edi>`: what the delivery's external id is. */
const fileName = (partner: EdiPartner) => (controlNumber: number) =>
  `${partner.partner}-${String(controlNumber).padStart(9, "0")}.${partner.format === "x12" ? "x12" : "edi"}`;

/** The interchange text of one document for one partner. */
function render(
  document: FinanceDocument | DespatchDocument,
  partner: EdiPartner,
  envelope: Envelope,
): string {
  if (partner.format === "edifact")
    return document.kind === "despatch"
      ? desadv(document, partner, envelope)
      : invoic(document, partner, envelope);
  if (document.kind === "despatch") return asn856(document, partner, envelope);
  return document.kind === "invoice"
    ? invoice810(document, partner, envelope)
    : adjustment812(document, partner, envelope);
}

/**
 * EDI to trading partners: one interchange per document, written as a file into the partner's
 * directory. Unmapped SKUs and charges are found before a control number is taken, so a parked
 * document leaves no gap; a number once taken stays with its delivery, and every attempt writes
 * the same interchange under the same name until one write succeeds.
 */
export function ediConnector(
  mapping: MappingFile<EdiMapping>,
  interchanges: InterchangeRepository,
  concurrency: number,
  now: () => Date = () => new Date(),
): Connector {
  let prepared: Promise<void> | undefined;
  async function send(document: FinanceDocument | DespatchDocument): Promise<string> {
    const partner = mapping.current().partners[document.customerId];
    if (!partner)
      throw new NotForThisSystem(`customer ${document.customerId} has no EDI trading partner`);
    if (document.kind === "despatch") despatchLines(document, partner);
    else financeLines(document, partner);
    // Indexes once; a failure is tried again by the next delivery.
    prepared ??= interchanges.prepare().catch((error: unknown) => {
      prepared = undefined;
      throw error;
    });
    await prepared;
    const record = await interchanges.assign(
      partner.partner,
      `edi:${document.id}`,
      document.number,
      fileName(partner),
      now(),
    );
    if (record.writtenAt) return record.fileName;
    const text = render(document, partner, record);
    await writeAtomically(partner.outbound.directory, record.fileName, text);
    await interchanges.written(record._id, now());
    return record.fileName;
  }
  return {
    name: "edi",
    concurrency,
    deliver: (document) => send(document),
    despatch: (document) => send(document),
  };
}
