import type { MappingFile } from "../mapping-file.ts";
import { mappingFile } from "../mapping-file.ts";
import type { Connector } from "../outcome.ts";
import { sageClient } from "./client.ts";
import type { Sage200Config } from "./config.ts";
import { sage200Connector } from "./connector.ts";
import { sage200Mapping, type Sage200Mapping } from "./mapping.ts";

/** The Sage 200 connector of a configuration; the mapping file is validated here, at start-up. */
export function createSage200(config: Sage200Config): {
  connector: Connector;
  mapping: MappingFile<Sage200Mapping>;
} {
  const mapping = mappingFile("SAGE200_MAPPING_FILE", config.mappingFile, sage200Mapping);
  const client = sageClient({
    baseUrl: config.url,
    tokenUrl: config.tokenUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    refreshToken: config.refreshToken,
    siteId: config.siteId,
    companyId: config.companyId,
    timeoutMs: config.timeoutMs,
  });
  return { connector: sage200Connector(client, mapping, config.concurrency), mapping };
}
