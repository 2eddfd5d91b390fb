import { mappingFile, type MappingFile } from "../mapping-file.ts";
import type { Connector } from "../outcome.ts";
import { serviceLayerClient } from "./client.ts";
import type { SapB1Config } from "./config.ts";
import { sapB1Connector } from "./connector.ts";
import { sapB1Mapping, type SapB1Mapping } from "./mapping.ts";

/** The SAP Business One connector of a configuration; its mapping file is validated here. */
export function createSapB1(config: SapB1Config): {
  connector: Connector;
  mapping: MappingFile<SapB1Mapping>;
} {
  const mapping = mappingFile("SAP_B1_MAPPING_FILE", config.mappingFile, sapB1Mapping);
  const client = serviceLayerClient(
    config.url,
    () => ({ companyDb: config.companyDb, userName: config.user, password: config.password() }),
    config.timeoutMs,
  );
  return { connector: sapB1Connector(client, mapping, config.concurrency), mapping };
}
