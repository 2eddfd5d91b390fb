import { newEventId, recordException } from "@waybill/bus";
import type { Logger } from "@waybill/observability";
import type { Store } from "@waybill/store";
import { X12FatInterchange, type X12Interchange, X12Parser, type X12Segment } from "node-x12";
import type { ConnectorRepository } from "../../store/connectors.ts";
import type { MappingFile } from "../mapping-file.ts";
import { readText, setAside, waitingFiles } from "./files.ts";
import type { InterchangeRepository } from "../../store/edi.ts";
import type { Acknowledgement } from "../../store/records.ts";
import type { EdiMapping, X12Partner } from "./mapping.ts";

/** What one 997 says of one functional group it acknowledges. */
export type GroupAcknowledgement = {
  groupControlNumber: number;
  status: Acknowledgement;
  /** AK5 / AK9 codes beyond the status, for the delivery log. */
  note: string | null;
};

/** AK901 (functional group acknowledge code) as the interchange's state. */
const STATUS: Record<string, Acknowledgement> = {
  A: "accepted",
  E: "accepted_with_errors",
  P: "accepted_with_errors",
  R: "rejected",
};

/**
 * The groups a 997 interchange acknowledges, read with node-x12: each 997 set's AK1 names the
 * group (AK102 = its GS06) and its AK9 says what became of it; AK3/AK4/AK5 codes are kept as
 * the note. Throws when the text is not X12 or a 997 lacks AK1 or AK9.
 */
export function parse997(text: string): GroupAcknowledgement[] {
  const parsed = new X12Parser(true).parse(text);
  const interchanges: X12Interchange[] =
    parsed instanceof X12FatInterchange ? parsed.interchanges : [parsed];
  const found: GroupAcknowledgement[] = [];
  for (const interchange of interchanges)
    for (const group of interchange.functionalGroups)
      for (const set of group.transactions) {
        if (set.header.valueOf(1) !== "997") continue;
        const segments: X12Segment[] = set.segments;
        const ak1 = segments.find((segment) => segment.tag === "AK1");
        const ak9 = segments.find((segment) => segment.tag === "AK9");
        const number = Number(ak1?.valueOf(2));
        const status = STATUS[ak9?.valueOf(1) ?? ""];
        if (!ak1 || !Number.isSafeInteger(number) || !status)
          throw new Error("a 997 without a valid AK1 and AK9");
        const codes = segments
          .filter((segment) => ["AK3", "AK4", "AK5", "AK9"].includes(segment.tag))
          .map((segment) => segment.toString().replace(/~\s*$/, ""));
        found.push({
          groupControlNumber: number,
          status,
          note: status === "accepted" ? null : codes.join(" "),
        });
      }
  return found;
}

export interface AcknowledgementReader {
  mapping: MappingFile<EdiMapping>;
  interchanges: InterchangeRepository;
  repo: ConnectorRepository;
  store: Store;
  logger: Logger;
  now: () => Date;
}

/**
 * A rejected group: the delivery that sent it is parked and an exception raised with a fresh
 * copy of its event, so a retry sends the document again (under a new control number).
 */
async function rejected(
  reader: AcknowledgementReader,
  deliveryId: string,
  fileName: string,
  message: string,
) {
  const delivery = await reader.repo.delivery(deliveryId);
  if (delivery?.state !== "delivered" || delivery.externalId !== fileName) return;
  const copy = { ...(JSON.parse(delivery.event) as Record<string, unknown>), id: newEventId() };
  const exceptionId = `connectors/${delivery._id}/997/${fileName}`;
  await recordException(reader.store, {
    _id: exceptionId,
    consumer: "integrations",
    category: "conflict",
    error: `edi ${delivery.reference}: ${message}`,
    event: JSON.stringify(copy),
    eventId: copy.id,
    type: delivery.kind,
    stream: delivery.kind === "despatch" ? "shipments" : "billing",
    streamSeq: null,
    attempts: 1,
  });
  await reader.repo.record(
    delivery,
    {
      state: "failed",
      parked: true,
      error: message,
      nextAttemptAt: null,
      counted: false,
      exceptionId,
    },
    reader.now(),
  );
}

async function readPartner(reader: AcknowledgementReader, partner: X12Partner) {
  const directory = partner.inbound.directory;
  for (const name of await waitingFiles(directory)) {
    let groups: GroupAcknowledgement[];
    try {
      groups = parse997(await readText(directory, name));
    } catch (error) {
      reader.logger.warn(
        { partner: partner.partner, file: name, err: (error as Error).message },
        "unreadable 997",
      );
      await setAside(directory, name, "unreadable");
      continue;
    }
    for (const group of groups) {
      const interchange = await reader.interchanges.byControlNumber(
        partner.partner,
        group.groupControlNumber,
      );
      if (!interchange) {
        reader.logger.warn(
          { partner: partner.partner, file: name, group: group.groupControlNumber },
          "997 for a group never sent",
        );
        continue;
      }
      const taken = await reader.interchanges.acknowledge(
        interchange._id,
        group.status,
        group.note,
        reader.now(),
      );
      if (taken && group.status === "rejected")
        await rejected(
          reader,
          interchange.deliveryId,
          interchange.fileName,
          `997 rejected group ${group.groupControlNumber}: ${group.note ?? ""}`.trim(),
        );
    }
    await setAside(directory, name, "processed");
  }
}

/**
 * One pass over every X12 partner's inbound directory: each 997 is matched to the interchange
 * whose GS06 its AK1 names, its acknowledgement recorded once, and the file moved to
 * `processed/` (`unreadable/` when it does not parse).
 */
export async function readAcknowledgements(reader: AcknowledgementReader): Promise<void> {
  let mapping: EdiMapping;
  try {
    mapping = reader.mapping.current();
  } catch (error) {
    // The delivery loop parks nothing for it either: the file is read again next pass.
    reader.logger.warn({ err: (error as Error).message }, "EDI mapping unreadable, 997s wait");
    return;
  }
  const seen = new Set<string>();
  for (const partner of Object.values(mapping.partners)) {
    if (partner.format !== "x12") continue;
    const key = `${partner.partner}\n${partner.inbound.directory}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // One partner's unreadable directory does not hold up the others' acknowledgements.
    await readPartner(reader, partner).catch((error: unknown) => {
      reader.logger.warn(
        { partner: partner.partner, err: (error as Error).message },
        "cannot read 997s",
      );
    });
  }
}
