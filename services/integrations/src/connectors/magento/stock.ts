import type { Logger } from "@waybill/observability";
import type { StockSink } from "../../stock-feed/feed.ts";
import type { StockLevel } from "../../store/stock-levels.ts";
import type { MappingFile } from "../mapping-file.ts";
import type { MagentoRest } from "./client.ts";
import type { MagentoMapping } from "./mapping.ts";

/** Source items one `POST /V1/inventory/source-items` carries at most. */
export const MAGENTO_STOCK_BATCH = 200;

/**
 * Stock levels as MSI source items (`POST /V1/inventory/source-items`): the quantity of each SKU
 * at the warehouse's source, set absolutely, in stock while above 0. The SKU is Magento's own
 * (orders are placed with it); a warehouse the mapping lacks is left out and logged; a negative
 * level is sent as 0.
 */
export function magentoStockSink(
  rest: MagentoRest,
  mapping: MappingFile<MagentoMapping>,
  logger: Logger,
): StockSink {
  return {
    name: "magento",
    maxBatch: MAGENTO_STOCK_BATCH,
    async setLevels(levels: readonly StockLevel[]) {
      const { sources } = mapping.current();
      const missing = new Set<string>();
      const sourceItems = [];
      for (const level of levels) {
        const source = sources[level.warehouse];
        if (!source) {
          missing.add(`warehouse ${level.warehouse}`);
          continue;
        }
        const quantity = Math.max(0, level.available);
        sourceItems.push({
          sku: level.sku,
          source_code: source,
          quantity,
          status: quantity > 0 ? 1 : 0,
        });
      }
      if (missing.size > 0)
        logger.warn(
          { sink: "magento", unmapped: [...missing] },
          "stock levels left out: not in MAGENTO_MAPPING_FILE",
        );
      if (sourceItems.length === 0) return;
      await rest.post<unknown>("/inventory/source-items", { sourceItems });
    },
  };
}
