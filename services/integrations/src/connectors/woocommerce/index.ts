import type { Logger } from "@waybill/observability";
import { mappingFile, type MappingFile } from "../mapping-file.ts";
import type { Connector } from "../outcome.ts";
import type { StockSink } from "../../stock-feed/feed.ts";
import { woocommerceApi } from "./client.ts";
import type { WoocommerceConnectorConfig } from "./config.ts";
import { woocommerceConnector } from "./connector.ts";
import { woocommerceMapping, type WoocommerceMapping } from "./mapping.ts";
import { woocommerceStockSink } from "./stock.ts";

/** The WooCommerce connector (and stock sink) of a configuration; the mapping is validated here. */
export function createWoocommerce(
  config: WoocommerceConnectorConfig,
  logger: Logger,
): { connector: Connector & StockSink; mapping: MappingFile<WoocommerceMapping> } {
  const mapping = mappingFile("WOOCOMMERCE_MAPPING_FILE", config.mappingFile, woocommerceMapping);
  const api = woocommerceApi(config);
  const sink = woocommerceStockSink(api, mapping, logger);
  return { connector: woocommerceConnector(api, mapping, config.concurrency, sink), mapping };
}
