import type { MappingFile } from "../mapping-file.ts";
import { ConnectorError, type Connector } from "../outcome.ts";
import type { ServiceCaseDocument } from "../service-cases.ts";
import { CASE_ID_FIELD, caseFields } from "./case.ts";
import type { SalesforceClient } from "./client.ts";
import { sendComments } from "./comments.ts";
import type { SalesforceMapping } from "./mapping.ts";

type UpsertAnswer = { id?: string; success?: boolean; created?: boolean };

/**
 * Upserts the Case by our case id (`PATCH /sobjects/Case/Waybill_Case_Id__c/{id}`: 201 created,
 * 200 or 204 updated) and returns its Salesforce id. The Case is looked up by the external id
 * first: an open case's change leaves an existing Case's Status alone, so a change that was on
 * its way never reopens a Case an agent has just closed (the poll brings that closing back).
 */
async function upsertCase(
  client: SalesforceClient,
  serviceCase: ServiceCaseDocument,
  fields: Record<string, string>,
): Promise<string> {
  const path = `/sobjects/Case/${CASE_ID_FIELD}/${encodeURIComponent(serviceCase.id)}`;
  const found = await client.send("GET", `${path}?fields=Id`, undefined, true);
  const existing = found.status === 404 ? undefined : (found.json as { Id?: string }).Id;
  const { Status, ...unchanged } = fields;
  const body = existing && serviceCase.status === "OPEN" ? unchanged : { ...unchanged, Status };
  const { json } = await client.send("PATCH", path, body);
  const id = existing ?? (json as UpsertAnswer).id;
  if (!id) throw new ConnectorError("unavailable", `Case ${serviceCase.id} upserted, no id told`);
  return id;
}

/**
 * Salesforce as Waybill's CRM: each change of a service case upserts its Case (subject, shipment
 * context, status, owner) and adds the case's new notes as CaseComments; `poll` brings agents'
 * resolutions back. Billing's documents are not its business.
 */
export function salesforceConnector(
  client: SalesforceClient,
  mapping: MappingFile<SalesforceMapping>,
  concurrency: number,
  poll: () => Promise<void>,
): Connector {
  return {
    name: "salesforce",
    concurrency,
    async serviceCase(serviceCase) {
      const fields = caseFields(serviceCase, mapping.current());
      const id = await upsertCase(client, serviceCase, fields);
      await sendComments(client, id, serviceCase.notes);
      return id;
    },
    poll,
  };
}
