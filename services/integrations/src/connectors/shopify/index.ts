import type { Logger } from "@waybill/observability";
import { mappingFile, type MappingFile } from "../mapping-file.ts";
import type { Connector } from "../outcome.ts";
import type { StockSink } from "../../stock-feed/feed.ts";
import { shopifyAdmin } from "./client.ts";
import type { ShopifyConnectorConfig } from "./config.ts";
import { shopifyConnector } from "./connector.ts";
import { shopifyMapping, type ShopifyMapping } from "./mapping.ts";
import { shopifyStockSink } from "./stock.ts";

/** The Shopify connector (and stock sink) of a configuration; the mapping is validated here. */
export function createShopify(
  config: ShopifyConnectorConfig,
  logger: Logger,
): { connector: Connector & StockSink; mapping: MappingFile<ShopifyMapping> } {
  const mapping = mappingFile("SHOPIFY_MAPPING_FILE", config.mappingFile, shopifyMapping);
  const admin = shopifyAdmin(config.endpoint, config.token, config.timeoutMs);
  const sink = shopifyStockSink(admin, mapping, logger);
  return { connector: shopifyConnector(admin, mapping, config.concurrency, sink), mapping };
}
