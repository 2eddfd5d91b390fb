import { randomUUID } from "node:crypto";
import type { UnitOfWork } from "@waybill/service";
import type { ServiceCaseKind } from "../../generated/resolvers.ts";
import {
  caseOpenedEntry,
  caseResolvedEntry,
  closedKeyOf,
  newReturnCase,
  newServiceCase,
  openKeyOf,
  resolvesItself,
  SYSTEM_AUTHOR,
} from "../domain/service-case.ts";
import { caseChanged } from "../domain/case-changed.ts";
import { isSettled, settledAt } from "../domain/shipment-context.ts";
import type { CustomerServiceRepository } from "../store/repository.ts";
import type { ServiceCaseRecord, ShipmentContextRecord, TimelineEntry } from "../store/records.ts";

/** Tells the case's state after a change, in the change's transaction. */
export const tellCase = (work: UnitOfWork, serviceCase: ServiceCaseRecord, at: Date) =>
  work.emit("orders.service_case.changed", serviceCase._id, caseChanged(serviceCase, at));

/**
 * Opens a case of `kind` for the shipment, or adds a note to the one already open (the unique
 * open key settles a race between instances: the loser's event is retried and becomes a note).
 */
export async function openOrNote(
  repo: CustomerServiceRepository,
  work: UnitOfWork,
  shipment: ShipmentContextRecord,
  kind: ServiceCaseKind,
  subject: string,
  at: Date,
): Promise<TimelineEntry[]> {
  const note = { at, author: SYSTEM_AUTHOR, body: subject };
  const noted = await repo.noteOpenCase(openKeyOf(shipment._id, kind), note, work.session);
  if (noted) {
    await tellCase(work, noted, at);
    return [];
  }
  const serviceCase = newServiceCase({ id: `case_${randomUUID()}`, shipment, kind, subject, at });
  await repo.insertCase(serviceCase, work.session);
  await tellCase(work, serviceCase, at);
  return [caseOpenedEntry(serviceCase)];
}

/** Opens a case about a return received in other quantities than requested, or notes the open one. */
export async function openOrNoteReturn(
  repo: CustomerServiceRepository,
  work: UnitOfWork,
  about: { orderId: string; returnId: string },
  subject: string,
  at: Date,
): Promise<TimelineEntry[]> {
  const note = { at, author: SYSTEM_AUTHOR, body: subject };
  const openKey = openKeyOf(about.returnId, "RETURN_QUANTITY_MISMATCH");
  const noted = await repo.noteOpenCase(openKey, note, work.session);
  if (noted) {
    await tellCase(work, noted, at);
    return [];
  }
  const serviceCase = newReturnCase({ id: `case_${randomUUID()}`, ...about, subject, at });
  await repo.insertCase(serviceCase, work.session);
  await tellCase(work, serviceCase, at);
  return [caseOpenedEntry(serviceCase)];
}

/** Resolves the shipment's open cases once it is delivered and billed; returns timeline entries. */
export async function settleCases(
  repo: CustomerServiceRepository,
  work: UnitOfWork,
  shipment: ShipmentContextRecord,
): Promise<TimelineEntry[]> {
  if (!isSettled(shipment)) return [];
  const at = settledAt(shipment);
  const resolution = `shipment ${shipment.trackingNumber} delivered and invoice ${shipment.invoice?.number ?? ""} issued`;
  return closeCases(repo, work, shipment._id, resolvesItself, at, resolution);
}

/**
 * Resolves every open case of a voided shipment: whatever it was about (a hold, a line shipped
 * after its cancellation), the shipment no longer exists.
 */
export function closeVoidedCases(
  repo: CustomerServiceRepository,
  work: UnitOfWork,
  shipment: ShipmentContextRecord,
  at: Date,
): Promise<TimelineEntry[]> {
  const resolution = `shipment ${shipment.trackingNumber} voided before pickup`;
  return closeCases(repo, work, shipment._id, () => true, at, resolution);
}

async function closeCases(
  repo: CustomerServiceRepository,
  work: UnitOfWork,
  shipmentId: string,
  closes: (kind: ServiceCaseKind) => boolean,
  at: Date,
  resolution: string,
): Promise<TimelineEntry[]> {
  const open = await repo.openCasesOfShipment(shipmentId, work.session);
  const entries: TimelineEntry[] = [];
  for (const serviceCase of open.filter((candidate) => closes(candidate.kind))) {
    const resolved = await repo.changeCase(
      serviceCase._id,
      {
        status: "RESOLVED",
        openKey: closedKeyOf(serviceCase),
        resolvedAt: at,
        resolution,
        resolvedAutomatically: true,
      },
      work.session,
    );
    if (resolved) await tellCase(work, resolved, at);
    entries.push(caseResolvedEntry(serviceCase, at, resolution));
  }
  return entries;
}
