import type { ConsumedEvent } from "@waybill/bus";
import type { ConsumerDefinition, UnitOfWork } from "@waybill/service";
import type { Session } from "@waybill/store";
import type { ConnectorRepository } from "../store/connectors.ts";
import type { ConnectorDeliveryRecord } from "../store/records.ts";
import { nextSequence } from "../store/sequence.ts";
import type { DeliveryKind } from "./documents.ts";
import type { Connector } from "./outcome.ts";
import { SERVICE_CASE_EVENT_TYPE, type CaseDeliveryKind } from "./service-cases.ts";

/** The billing events whose documents connectors deliver. */
export const CONNECTOR_EVENT_TYPES = [
  "billing.invoice.issued",
  "billing.credit_note.issued",
  "billing.adjustment_note.issued",
] as const;

/** The shipments' event a despatch is sent for, to the connectors that take despatches. */
export const DESPATCH_EVENT_TYPE = "shipments.shipment.confirmed";

/** The shipments' event a milestone is sent for, to the connectors that take milestones. */
export const MILESTONE_EVENT_TYPE = "shipments.milestone.recorded";

type Subject = {
  kind: DeliveryKind | CaseDeliveryKind;
  documentId: string;
  invoiceId: string | null;
  reference: string;
  orderId: string;
};

/** The document an event announces. */
export function subjectOf(event: ConsumedEvent): Subject | null {
  switch (event.type) {
    case "billing.invoice.issued":
      return {
        kind: "invoice",
        documentId: event.data.invoiceId,
        invoiceId: event.data.invoiceId,
        reference: event.data.number,
        orderId: event.data.orderId,
      };
    case "billing.credit_note.issued":
      return {
        kind: "credit_note",
        documentId: event.data.creditNoteId,
        invoiceId: event.data.invoiceId,
        reference: event.data.number,
        orderId: event.data.orderId,
      };
    case "billing.adjustment_note.issued":
      return {
        kind: "adjustment_note",
        documentId: event.data.adjustmentNoteId,
        invoiceId: event.data.invoiceId,
        reference: event.data.number,
        orderId: event.data.orderId,
      };
    case "shipments.shipment.confirmed":
      return {
        kind: "despatch",
        documentId: event.data.shipmentId,
        invoiceId: null,
        reference: event.data.shipmentId,
        orderId: event.data.orderId,
      };
    case "shipments.milestone.recorded":
      // After its shipment's despatch, which the same stream told first.
      return {
        kind: "milestone",
        documentId: event.data.milestoneId,
        invoiceId: null,
        reference: event.data.shipmentId,
        orderId: event.data.orderId,
      };
    case "orders.service_case.changed":
      // One delivery per change: each revision goes once, after the earlier ones of its order.
      return {
        kind: "service_case",
        documentId: `${event.data.caseId}@${event.data.revision}`,
        invoiceId: null,
        reference: event.data.caseId,
        orderId: event.data.orderId,
      };
    default:
      return null;
  }
}

/**
 * One delivery per connector switched on, written in the inbox record's transaction: an event the
 * bus delivers twice records its document once. An event retried from the exception queue (a
 * fresh copy of the one whose document was parked) takes the parked delivery up again.
 */
export async function recordDeliveries(
  repo: ConnectorRepository,
  connectors: readonly string[],
  event: ConsumedEvent,
  session: Session,
): Promise<void> {
  const subject = subjectOf(event);
  if (!subject) return;
  const now = new Date();
  for (const connector of connectors) {
    const record: ConnectorDeliveryRecord = {
      _id: `${connector}:${subject.documentId}`,
      connector,
      ...subject,
      sequence: nextSequence(),
      event: JSON.stringify(event),
      exceptionId: null,
      state: "pending",
      parked: false,
      externalId: null,
      attempts: 0,
      scheduled: 0,
      lastError: null,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
      deliveredAt: null,
    };
    await repo.ensure(record, session);
  }
}

/**
 * The billing stream's documents for the connectors switched on, the shipments stream's
 * confirmations for those that take despatches and orders' service case changes for those that
 * take cases (none: no consumer).
 */
export function connectorConsumers(
  repo: ConnectorRepository,
  connectors: readonly Connector[],
): ConsumerDefinition[] {
  const recorder = (names: string[]) => (event: ConsumedEvent, work: UnitOfWork) =>
    recordDeliveries(repo, names, event, work.session);
  const all = connectors.filter((c) => c.deliver !== undefined).map((c) => c.name);
  const despatching = connectors
    .filter((connector) => connector.despatch !== undefined)
    .map((c) => c.name);
  const consumers: ConsumerDefinition[] = [];
  if (all.length > 0) {
    const handle = recorder(all);
    consumers.push({
      stream: "billing",
      handlers: Object.fromEntries(CONNECTOR_EVENT_TYPES.map((type) => [type, handle])),
    });
  }
  const following = connectors.filter((c) => c.milestone !== undefined).map((c) => c.name);
  if (despatching.length > 0)
    consumers.push({
      stream: "shipments",
      handlers: {
        [DESPATCH_EVENT_TYPE]: recorder(despatching),
        ...(following.length > 0 ? { [MILESTONE_EVENT_TYPE]: recorder(following) } : {}),
      },
    });
  const caseTaking = connectors.filter((c) => c.serviceCase !== undefined).map((c) => c.name);
  if (caseTaking.length > 0)
    consumers.push({
      stream: "orders",
      handlers: { [SERVICE_CASE_EVENT_TYPE]: recorder(caseTaking) },
    });
  return consumers;
}
