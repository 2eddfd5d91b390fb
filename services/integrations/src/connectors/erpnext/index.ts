import { ConfigError } from "@waybill/config";
import type { MappingFile } from "../mapping-file.ts";
import { mappingFile } from "../mapping-file.ts";
import type { Connector } from "../outcome.ts";
import { frappeClient } from "./client.ts";
import type { ErpnextConfig } from "./config.ts";
import { erpnextConnector } from "./connector.ts";
import { erpnextMapping, type ErpnextMapping } from "./mapping.ts";

/** The ERPNext connector of a configuration; the mapping file is validated here, at start-up. */
export function createErpnext(config: ErpnextConfig): {
  connector: Connector;
  mapping: MappingFile<ErpnextMapping>;
} {
  const mapping = mappingFile("ERPNEXT_MAPPING_FILE", config.mappingFile, erpnextMapping);
  const client = frappeClient(
    config.url,
    () => ({ key: config.apiKey(), secret: config.apiSecret() }),
    config.timeoutMs,
  );
  if (config.deliveryNotes && !mapping.current().warehouses)
    throw new ConfigError(
      "ERPNEXT_MAPPING_FILE: warehouses are required when ERPNEXT_DELIVERY_NOTES is true",
    );
  return {
    connector: erpnextConnector(client, mapping, config.concurrency, config.deliveryNotes),
    mapping,
  };
}
