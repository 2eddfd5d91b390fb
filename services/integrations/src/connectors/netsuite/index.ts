import type { MappingFile } from "../mapping-file.ts";
import { mappingFile } from "../mapping-file.ts";
import type { Connector } from "../outcome.ts";
import { suiteTalkClient } from "./client.ts";
import type { NetsuiteConfig } from "./config.ts";
import { netsuiteConnector } from "./connector.ts";
import { netsuiteMapping, type NetsuiteMapping } from "./mapping.ts";
import { clientCredentialsTokens } from "./token.ts";

/** The NetSuite connector of a configuration; the mapping file is validated here, at start-up. */
export function createNetsuite(config: NetsuiteConfig): {
  connector: Connector;
  mapping: MappingFile<NetsuiteMapping>;
} {
  const mapping = mappingFile("NETSUITE_MAPPING_FILE", config.mappingFile, netsuiteMapping);
  const tokens = clientCredentialsTokens(config);
  const client = suiteTalkClient(config.url, tokens, config.timeoutMs);
  return { connector: netsuiteConnector(client, mapping, config.concurrency), mapping };
}
