import { mappingFile, type MappingFile } from "../mapping-file.ts";
import type { Connector } from "../outcome.ts";
import { s4hanaClient } from "./client.ts";
import type { S4hanaConfig } from "./config.ts";
import { s4hanaConnector } from "./connector.ts";
import { s4hanaMapping, type S4hanaMapping } from "./mapping.ts";

/** The S/4HANA connector of a configuration; the mapping file is validated here, at start-up. */
export function createS4hana(config: S4hanaConfig): {
  connector: Connector;
  mapping: MappingFile<S4hanaMapping>;
} {
  const mapping = mappingFile("S4HANA_MAPPING_FILE", config.mappingFile, s4hanaMapping);
  const client = s4hanaClient(config.url, config.auth, config.timeoutMs);
  return { connector: s4hanaConnector(client, mapping, config.concurrency), mapping };
}
