import type { Logger } from "@waybill/observability";
import type { Store } from "@waybill/store";
import { connectorRepository } from "../../store/connectors.ts";
import { mappingFile, type MappingFile } from "../mapping-file.ts";
import type { Connector } from "../outcome.ts";
import { readAcknowledgements } from "./acknowledgements.ts";
import type { EdiConfig } from "./config.ts";
import { ediConnector } from "./connector.ts";
import { interchangeRepository } from "../../store/edi.ts";
import { ediMapping, type EdiMapping } from "./mapping.ts";

/**
 * The EDI connector of a configuration; the mapping file is validated here, at start-up. Its
 * `poll` reads the partners' 997s after each delivery pass.
 */
export function createEdi(
  config: EdiConfig,
  store: Store,
  logger: Logger,
  now: () => Date = () => new Date(),
): { connector: Connector; mapping: MappingFile<EdiMapping> } {
  const mapping = mappingFile("EDI_MAPPING_FILE", config.mappingFile, ediMapping);
  const interchanges = interchangeRepository(store);
  const connector = ediConnector(mapping, interchanges, config.concurrency, now);
  const reader = { mapping, interchanges, repo: connectorRepository(store), store, logger, now };
  return { connector: { ...connector, poll: () => readAcknowledgements(reader) }, mapping };
}
