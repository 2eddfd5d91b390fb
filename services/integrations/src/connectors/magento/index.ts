import type { Logger } from "@waybill/observability";
import type { Store } from "@waybill/store";
import type { Hub } from "../../hub/client.ts";
import type { StockSink } from "../../stock-feed/feed.ts";
import { magentoPullRepository } from "../../store/magento.ts";
import { mappingFile, type MappingFile } from "../mapping-file.ts";
import type { Connector } from "../outcome.ts";
import { magentoRest } from "./client.ts";
import type { MagentoConnectorConfig } from "./config.ts";
import { magentoConnector } from "./connector.ts";
import { magentoMapping, type MagentoMapping } from "./mapping.ts";
import { pullOrders, type MagentoPull } from "./pull.ts";
import { magentoStockSink } from "./stock.ts";

/**
 * The Magento connector (stock sink and order pull) of a configuration; the mapping is validated
 * here. Its `poll` pulls orders after a delivery pass; a pull that fails is logged and the
 * next one goes on from the watermark.
 */
export function createMagento(
  config: MagentoConnectorConfig,
  store: Store,
  hub: Hub,
  logger: Logger,
): { connector: Connector & StockSink; mapping: MappingFile<MagentoMapping>; pull: MagentoPull } {
  const mapping = mappingFile("MAGENTO_MAPPING_FILE", config.mappingFile, magentoMapping);
  const rest = magentoRest(config.endpoint, config.token, config.timeoutMs);
  const pull: MagentoPull = {
    name: "magento",
    rest,
    repo: magentoPullRepository(store),
    hub,
    mapping,
    pageSize: config.pageSize,
    since: config.ordersSince,
    logger,
  };
  // Connectors poll every CONNECTOR_POLL_MS; the store is searched every MAGENTO_PULL_SECONDS,
  // at once again while a pass found a page's worth of changed orders.
  let nextPullAt = 0;
  const poll = async () => {
    if (Date.now() < nextPullAt) return;
    let handled = 0;
    try {
      ({ handled } = await pullOrders(pull));
    } catch (error) {
      logger.warn(
        { connector: "magento", err: error instanceof Error ? error.message : String(error) },
        "Magento orders not pulled; the next poll goes on from the watermark",
      );
    }
    nextPullAt = handled >= config.pageSize ? 0 : Date.now() + config.pullMs;
  };
  const sink = magentoStockSink(rest, mapping, logger);
  return {
    connector: magentoConnector(rest, mapping, config.concurrency, sink, poll),
    mapping,
    pull,
  };
}
