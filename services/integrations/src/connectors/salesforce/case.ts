import type { CaseMilestone, ServiceCaseDocument } from "../service-cases.ts";
import { unmapped } from "../outcome.ts";
import type { SalesforceMapping } from "./mapping.ts";

/** The external id field every Waybill case is upserted by (Text, External ID, Unique). */
export const CASE_ID_FIELD = "Waybill_Case_Id__c";

/** The Case field an agent writes the resolution in before closing the Case. */
export const RESOLUTION_FIELD = "Waybill_Resolution__c";

const SUBJECT_MAX = 255;
const DESCRIPTION_MAX = 32_000;

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

const milestoneLine = (milestone: CaseMilestone) =>
  [
    `${milestone.occurredAt} ${milestone.type}`,
    milestone.reasonCode && `(${milestone.reasonCode})`,
    milestone.location && `at ${milestone.location}`,
    milestone.detail && `: ${milestone.detail}`,
  ]
    .filter(Boolean)
    .join(" ");

/** The shipment context in words: what an agent reads first on the Case. */
export function describeCase(serviceCase: ServiceCaseDocument): string {
  const { order, shipment } = serviceCase;
  const lines = [
    serviceCase.subject,
    "",
    `Waybill case ${serviceCase.id} (${serviceCase.kind}), opened ${serviceCase.openedAt}`,
    `Order ${order.id}${order.externalReference ? ` (${order.channel} ${order.externalReference})` : ""}, customer ${order.customerId}`,
  ];
  if (serviceCase.carrier || serviceCase.trackingNumber)
    lines.push(
      `Carrier ${serviceCase.carrier ?? "-"}, tracking number ${serviceCase.trackingNumber ?? "-"}`,
    );
  if (shipment) {
    lines.push(`Shipment ${shipment.id}: ${shipment.status}`);
    if (shipment.invoice)
      lines.push(
        `Invoice ${shipment.invoice.number ?? shipment.invoice.id}: ${shipment.invoice.status}`,
      );
    if (shipment.milestones.length > 0)
      lines.push("Last milestones:", ...shipment.milestones.map((m) => `- ${milestoneLine(m)}`));
  }
  if (serviceCase.resolution) lines.push("", `Resolved in Waybill: ${serviceCase.resolution}`);
  return clip(lines.join("\n"), DESCRIPTION_MAX);
}

/**
 * The Case's fields as the upsert sends them (the external id is in the URL). An assignee the
 * mapping has no owner for parks the change for master data.
 */
export function caseFields(
  serviceCase: ServiceCaseDocument,
  mapping: SalesforceMapping,
): Record<string, string> {
  const owner = serviceCase.assignee
    ? mapping.owners[serviceCase.assignee]
    : mapping.unassignedOwner;
  if (serviceCase.assignee && !owner) throw unmapped([`assignee ${serviceCase.assignee}`]);
  const { shipment } = serviceCase;
  const context: Record<keyof SalesforceMapping["contextFields"], string | null | undefined> = {
    carrier: serviceCase.carrier,
    trackingNumber: serviceCase.trackingNumber,
    shipmentStatus: shipment?.status,
    invoiceNumber: shipment?.invoice?.number,
    invoiceStatus: shipment?.invoice?.status,
    orderReference: serviceCase.order.externalReference ?? serviceCase.order.id,
  };
  const fields: Record<string, string> = {
    Subject: clip(serviceCase.subject, SUBJECT_MAX),
    Description: describeCase(serviceCase),
    Status: mapping.statuses[serviceCase.status],
  };
  if (owner) fields["OwnerId"] = owner;
  if (mapping.origin) fields["Origin"] = mapping.origin;
  const type = mapping.types[serviceCase.kind];
  if (type) fields["Type"] = type;
  for (const [key, field] of Object.entries(mapping.contextFields)) {
    const value = context[key as keyof typeof context];
    if (field && value) fields[field] = value;
  }
  return fields;
}
