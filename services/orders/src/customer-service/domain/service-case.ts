import type { MilestoneType } from "@waybill/contracts";
import type { ServiceCaseKind } from "../../generated/resolvers.ts";
import type { ServiceCaseRecord, ShipmentContextRecord, TimelineEntry } from "../store/records.ts";

/** The author of notes Waybill writes itself. */
export const SYSTEM_AUTHOR = "waybill";

/** Unique while the case is open: one open case per shipment (or return) and kind. */
export const openKeyOf = (aboutId: string, kind: ServiceCaseKind): string => `${aboutId}:${kind}`;

/** Once resolved, the key no longer blocks a new case of the same kind. */
export const closedKeyOf = (serviceCase: ServiceCaseRecord): string =>
  `${serviceCase.openKey}:${serviceCase._id}`;

/** The case a milestone opens, if any. */
export function caseKindOfMilestone(type: MilestoneType): ServiceCaseKind | null {
  if (type === "EXCEPTION") return "CARRIER_EXCEPTION";
  if (type === "DELIVERY_ATTEMPTED") return "DELIVERY_ATTEMPTED";
  return null;
}

/** Kinds that close themselves once their shipment is delivered and billed. */
export const resolvesItself = (kind: ServiceCaseKind): boolean =>
  kind !== "SHIPPED_AFTER_CANCELLATION" && kind !== "RETURN_QUANTITY_MISMATCH";

type ReceivedLine = { lineId: string; sku: string; requested: number; received: number };

/** The lines of a received return whose received quantity differs from the requested one. */
export const mismatchedLines = (lines: readonly ReceivedLine[]): ReceivedLine[] =>
  lines.filter((line) => line.received !== line.requested);

/** A return's lines in words: `2 of 3 x MUG-1`. */
export const describeReceived = (lines: readonly ReceivedLine[]): string =>
  lines.map((line) => `${line.received} of ${line.requested} x ${line.sku}`).join(", ");

/** A case about a return received in other quantities than requested, opened with its subject. */
export function newReturnCase(options: {
  id: string;
  orderId: string;
  returnId: string;
  subject: string;
  at: Date;
}): ServiceCaseRecord {
  const { id, orderId, returnId, subject, at } = options;
  const kind = "RETURN_QUANTITY_MISMATCH";
  return {
    _id: id,
    orderId,
    shipmentId: null,
    returnId,
    kind,
    status: "OPEN",
    openKey: openKeyOf(returnId, kind),
    subject,
    carrier: null,
    trackingNumber: null,
    assignee: null,
    notes: [{ at, author: SYSTEM_AUTHOR, body: subject }],
    openedAt: at,
    resolvedAt: null,
    resolution: null,
    resolvedAutomatically: false,
    revision: 1,
  };
}

/** A case about a shipment, opened with its subject as the first note. */
export function newServiceCase(options: {
  id: string;
  shipment: ShipmentContextRecord;
  kind: ServiceCaseKind;
  subject: string;
  at: Date;
}): ServiceCaseRecord {
  const { id, shipment, kind, subject, at } = options;
  return {
    _id: id,
    orderId: shipment.orderId,
    shipmentId: shipment._id,
    kind,
    status: "OPEN",
    openKey: openKeyOf(shipment._id, kind),
    subject,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    assignee: null,
    notes: [{ at, author: SYSTEM_AUTHOR, body: subject }],
    openedAt: at,
    resolvedAt: null,
    resolution: null,
    resolvedAutomatically: false,
    revision: 1,
  };
}

export function caseOpenedEntry(serviceCase: ServiceCaseRecord): TimelineEntry {
  return {
    at: serviceCase.openedAt,
    kind: "SERVICE_CASE_OPENED",
    message: `Service case opened: ${serviceCase.subject}`,
    reference: serviceCase._id,
    key: `case:${serviceCase._id}:opened`,
  };
}

export function caseResolvedEntry(
  serviceCase: ServiceCaseRecord,
  at: Date,
  resolution: string,
): TimelineEntry {
  return {
    at,
    kind: "SERVICE_CASE_RESOLVED",
    message: `Service case resolved: ${resolution}`,
    reference: serviceCase._id,
    key: `case:${serviceCase._id}:resolved`,
  };
}
