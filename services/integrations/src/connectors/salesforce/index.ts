import type { Logger, Metrics } from "@waybill/observability";
import type { Store } from "@waybill/store";
import type { Hub } from "../../hub/client.ts";
import { crmWatermarkRepository } from "../../store/crm-watermarks.ts";
import { mappingFile, type MappingFile } from "../mapping-file.ts";
import type { Connector } from "../outcome.ts";
import { salesforceClient } from "./client.ts";
import type { SalesforceConfig } from "./config.ts";
import { salesforceConnector } from "./connector.ts";
import { salesforceMapping, type SalesforceMapping } from "./mapping.ts";
import { resolutionPoll } from "./resolutions.ts";
import { salesforceSessions } from "./token.ts";

/** What the Salesforce connector works with besides its configuration. */
export type SalesforceDeps = { hub: Hub; store: Store; logger: Logger; metrics: Metrics };

/** The Salesforce connector of a configuration; the mapping file is validated here, at start-up. */
export function createSalesforce(
  config: SalesforceConfig,
  deps: SalesforceDeps,
): { connector: Connector; mapping: MappingFile<SalesforceMapping> } {
  const mapping = mappingFile("SALESFORCE_MAPPING_FILE", config.mappingFile, salesforceMapping);
  const client = salesforceClient({
    sessions: salesforceSessions(config.loginUrl, config.grant, config.timeoutMs),
    apiVersion: config.apiVersion,
    timeoutMs: config.timeoutMs,
    reserve: config.reserve,
    logger: deps.logger,
    metrics: deps.metrics,
  });
  const poll = resolutionPoll({
    client,
    hub: deps.hub,
    mapping,
    watermarks: crmWatermarkRepository(deps.store),
    logger: deps.logger,
    pollMs: config.pollMs,
  });
  return { connector: salesforceConnector(client, mapping, config.concurrency, poll), mapping };
}
