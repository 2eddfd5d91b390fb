import { randomUUID } from "node:crypto";
import type { Session } from "@waybill/store";
import type { ServiceCaseKind } from "../generated/resolvers.ts";
import { isSettled } from "../domain/invoice-status.ts";
import {
  caseOpenedEntry,
  caseResolvedEntry,
  closedKeyOf,
  newServiceCase,
  openKeyOf,
  resolvesItself,
  SYSTEM_AUTHOR,
} from "../domain/service-case.ts";
import { settledAt } from "../domain/shipment-summary.ts";
import type { OrdersRepository } from "../store/repository.ts";
import type { OrderRecord, ShipmentSummaryRecord, TimelineRecord } from "../store/records.ts";

/**
 * Opens a case of `kind` for the shipment, or adds a note to the one already open (the unique
 * open key settles a race between instances: the loser's event is retried and becomes a note).
 */
export async function openOrNote(
  repo: OrdersRepository,
  session: Session,
  target: { order: OrderRecord; shipment: ShipmentSummaryRecord },
  kind: ServiceCaseKind,
  subject: string,
  at: Date,
): Promise<TimelineRecord[]> {
  const openKey = openKeyOf(target.shipment.id, kind);
  const note = { at, author: SYSTEM_AUTHOR, body: subject };
  const noted = await repo.cases.updateOne({ openKey }, { $push: { notes: note } }, { session });
  if (noted.matchedCount > 0) return [];
  const serviceCase = newServiceCase({
    id: `case_${randomUUID()}`,
    orderId: target.order._id,
    shipment: target.shipment,
    kind,
    subject,
    at,
  });
  await repo.cases.insertOne(serviceCase, { session });
  return [caseOpenedEntry(serviceCase)];
}

/** Resolves the shipment's open cases once it is delivered and billed; returns timeline entries. */
export async function settleCases(
  repo: OrdersRepository,
  session: Session,
  shipment: ShipmentSummaryRecord,
): Promise<TimelineRecord[]> {
  if (!isSettled(shipment)) return [];
  const at = settledAt(shipment);
  const resolution = `shipment ${shipment.trackingNumber} delivered and invoice ${shipment.invoice?.number ?? ""} issued`;
  const open = await repo.openCasesOfShipment(shipment.id, session);
  const entries: TimelineRecord[] = [];
  for (const serviceCase of open.filter((candidate) => resolvesItself(candidate.kind))) {
    await repo.cases.updateOne(
      { _id: serviceCase._id },
      {
        $set: {
          status: "RESOLVED",
          openKey: closedKeyOf(serviceCase),
          resolvedAt: at,
          resolution,
          resolvedAutomatically: true,
        },
      },
      { session },
    );
    entries.push(caseResolvedEntry(serviceCase, at, resolution));
  }
  return entries;
}
