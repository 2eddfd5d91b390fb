import type { Logger } from "@waybill/observability";
import type { Hub } from "../../hub/client.ts";
import type { CrmWatermarkRepository } from "../../store/crm-watermarks.ts";
import type { MappingFile } from "../mapping-file.ts";
import { CRM_PRINCIPAL } from "../service-cases.ts";
import { CASE_ID_FIELD, RESOLUTION_FIELD } from "./case.ts";
import type { SalesforceClient } from "./client.ts";
import type { SalesforceMapping } from "./mapping.ts";
import { queryPages } from "./query.ts";

export const RESOLVE_SERVICE_CASE = `mutation ConnectorResolveServiceCase($caseId: ID!, $resolution: String!) {
  resolveServiceCase(caseId: $caseId, resolution: $resolution) {
    __typename ... on UserError { code message }
  }
}`;

/** What the poll reads of each changed Case. */
type ChangedCase = {
  Id: string;
  Waybill_Case_Id__c: string;
  Status: string;
  Waybill_Resolution__c: string | null;
  /** `2026-12-03T15:04:05.000+0000`. */
  SystemModstamp: string;
};

type Resolved = {
  resolveServiceCase: { __typename: string; code?: string; message?: string };
};

/** The resolution text Waybill keeps at most. */
const RESOLUTION_MAX = 5_000;

/** A change time to the second, as a SOQL dateTime literal takes it. */
const secondOf = (stamp: string) => `${new Date(stamp).toISOString().slice(0, 19)}Z`;

/**
 * The changed Cases query: ours (with a Waybill case id), changed at or after the watermark's
 * second, oldest first, so the watermark only moves forward over what was handled.
 */
export const changedCasesQuery = (since: string | undefined) =>
  `SELECT Id, ${CASE_ID_FIELD}, Status, ${RESOLUTION_FIELD}, SystemModstamp FROM Case WHERE ${
    since ? `SystemModstamp >= ${since} AND ` : ""
  }${CASE_ID_FIELD} != null ORDER BY SystemModstamp ASC`;

/**
 * Agents' resolutions back into Waybill: Cases changed since the stored watermark are read with
 * SOQL (every batch, through `nextRecordsUrl`); one whose Status is a closed one resolves its
 * Waybill case with `Waybill_Resolution__c` (or the Status when that is empty) through the hub.
 * A case already resolved is fine. The watermark is saved after each Case, so a restart or a hub
 * that does not answer resumes at the first Case not handled. Runs at most every `pollMs`.
 */
export function resolutionPoll(options: {
  client: SalesforceClient;
  hub: Hub;
  mapping: MappingFile<SalesforceMapping>;
  watermarks: CrmWatermarkRepository;
  logger: Logger;
  pollMs: number;
}): () => Promise<void> {
  const { client, hub, mapping, watermarks, logger, pollMs } = options;
  let due = 0;

  async function resolve(record: ChangedCase): Promise<void> {
    const written = (record.Waybill_Resolution__c ?? "").trim();
    const resolution = (written || `closed in Salesforce as ${record.Status}`).slice(
      0,
      RESOLUTION_MAX,
    );
    const caseId = record.Waybill_Case_Id__c;
    const { resolveServiceCase: outcome } = await hub.execute<Resolved>(
      RESOLVE_SERVICE_CASE,
      { caseId, resolution },
      CRM_PRINCIPAL,
    );
    if (outcome.__typename === "ServiceCase")
      logger.info(
        { connector: "salesforce", caseId, case: record.Id },
        "case resolved in Salesforce",
      );
    else if (outcome.__typename !== "ServiceCaseResolvedError")
      logger.warn(
        { connector: "salesforce", caseId, case: record.Id, code: outcome.code },
        `a Case closed in Salesforce resolves nothing: ${outcome.message ?? outcome.__typename}`,
      );
  }

  async function readChanges(): Promise<void> {
    const mark = await watermarks.watermark("salesforce");
    let at = mark?.at;
    let seen = mark?.seen ?? {};
    await queryPages<ChangedCase>(client, changedCasesQuery(at), async (records) => {
      const closed = new Set(mapping.current().closedStatuses);
      for (const record of records) {
        if (seen[record.Id] === record.SystemModstamp) continue;
        if (closed.has(record.Status)) await resolve(record);
        const second = secondOf(record.SystemModstamp);
        if (second !== at) {
          at = second;
          seen = {};
        }
        seen = { ...seen, [record.Id]: record.SystemModstamp };
        await watermarks.save("salesforce", at, seen);
      }
      return true;
    });
  }

  return async () => {
    const now = Date.now();
    if (now < due || now < client.pausedUntil()) return;
    due = now + pollMs;
    try {
      await readChanges();
    } catch (error) {
      logger.warn(
        { connector: "salesforce", err: (error as Error).message },
        "reading Salesforce's changed Cases failed; tried again at the next poll",
      );
    }
  };
}
