import { principalOf, type Principal } from "@waybill/auth";
import type { Hub } from "../hub/client.ts";
import { DocumentNotFoundError } from "./hub-read.ts";

/** The delivery kind of a service case's change, beside billing's documents and despatches. */
export type CaseDeliveryKind = "service_case";

/** Orders' event a CRM is told of, to the connectors that take service cases. */
export const SERVICE_CASE_EVENT_TYPE = "orders.service_case.changed";

/**
 * Who a CRM connector is when it reads cases with their shipment context and resolves them: an
 * agent that reads orders, shipments, invoices and cases and works cases, nothing else.
 */
export const CRM_PRINCIPAL: Principal = principalOf({
  subject: "service:integrations:crm",
  role: "agent",
  scopes: ["orders:read", "shipments:read", "invoices:read", "cases:read", "cases:write"],
});

/** How many of the shipment's latest milestones a case carries. */
const MILESTONES = 5;

export const SERVICE_CASE_DOCUMENT = `query ConnectorServiceCase($id: ID!) {
  serviceCase(id: $id) { id kind status subject assignee openedAt resolvedAt resolution
    carrier trackingNumber
    order { id channel externalReference customer { id } }
    notes(first: 200) { edges { node { at author body } } }
    shipment { id status
      milestones(first: 200) { edges { node { type occurredAt location reasonCode detail } } }
      invoice { id number status } } }
}`;

/** One note on a case: the first is the case's subject; the rest are comments and system notes. */
export type CaseNote = { at: string; author: string; body: string };

export type CaseMilestone = {
  type: string;
  occurredAt: string;
  location: string | null;
  reasonCode: string | null;
  detail: string | null;
};

/** A service case as read through the supergraph, with its shipment's context. */
export type ServiceCaseDocument = {
  id: string;
  kind: string;
  status: "OPEN" | "RESOLVED";
  subject: string;
  assignee: string | null;
  openedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  order: { id: string; channel: string; externalReference: string | null; customerId: string };
  carrier: string | null;
  trackingNumber: string | null;
  shipment: {
    id: string;
    status: string;
    /** The latest milestones, oldest first. */
    milestones: CaseMilestone[];
    invoice: { id: string; number: string | null; status: string } | null;
  } | null;
  notes: CaseNote[];
};

type Answer = {
  serviceCase:
    | (Omit<ServiceCaseDocument, "order" | "notes" | "shipment"> & {
        order: {
          id: string;
          channel: string;
          externalReference: string | null;
          customer: { id: string };
        };
        notes: { edges: { node: CaseNote }[] };
        shipment:
          | (Omit<NonNullable<ServiceCaseDocument["shipment"]>, "milestones"> & {
              milestones: { edges: { node: CaseMilestone }[] };
            })
          | null;
      })
    | null;
};

/**
 * Reads a case through the supergraph as orders, shipments and billing answer it: a CRM gets the
 * state of now, whichever change announced it.
 */
export async function readServiceCase(hub: Hub, id: string): Promise<ServiceCaseDocument> {
  const { serviceCase } = await hub.execute<Answer>(SERVICE_CASE_DOCUMENT, { id }, CRM_PRINCIPAL);
  if (!serviceCase) throw new DocumentNotFoundError(`service case ${id}`);
  const { order, notes, shipment, ...rest } = serviceCase;
  return {
    ...rest,
    order: {
      id: order.id,
      channel: order.channel,
      externalReference: order.externalReference,
      customerId: order.customer.id,
    },
    shipment: shipment && {
      ...shipment,
      milestones: shipment.milestones.edges.map((edge) => edge.node).slice(-MILESTONES),
    },
    notes: notes.edges.map((edge) => edge.node),
  };
}
