import type { Logger } from "@waybill/observability";
import type { MappingFile } from "../mapping-file.ts";
import type { StockSink } from "../../stock-feed/feed.ts";
import type { StockLevel } from "../../store/stock-levels.ts";
import type { WoocommerceApi } from "./client.ts";
import type { WoocommerceMapping } from "./mapping.ts";

/** Objects one batch request takes at most (the REST API's documented batch limit). */
export const WOOCOMMERCE_BATCH = 100;

type Update = { id: number; manage_stock: true; stock_quantity: number };
type BatchAnswer = { update?: { id: number; error?: { code?: string; message?: string } }[] };

/** The batch endpoint each update goes to: the products', or its parent's variations'. */
function byEndpoint(levels: readonly StockLevel[], mapping: WoocommerceMapping) {
  const endpoints = new Map<string, Update[]>();
  const missing: string[] = [];
  for (const level of levels) {
    // One quantity per product: the mapping's warehouse is the one the store sells from.
    if (level.warehouse !== mapping.warehouse) continue;
    const target = mapping.products[level.sku];
    if (!target) {
      missing.push(level.sku);
      continue;
    }
    const path =
      "variation" in target ? `/products/${target.product}/variations/batch` : "/products/batch";
    const id = "variation" in target ? target.variation : target.product;
    const updates = endpoints.get(path) ?? [];
    updates.push({ id, manage_stock: true, stock_quantity: Math.max(0, level.available) });
    endpoints.set(path, updates);
  }
  return { endpoints, missing };
}

/**
 * Stock levels as the store's `stock_quantity`, set absolutely through the batch endpoints (at most
 * 100 updates a request), with stock management switched on for the product. A SKU the mapping
 * lacks is left out and logged; a negative level is sent as 0. An update the store refuses on its
 * own (a deleted product) is logged, not retried: the others in its batch were set.
 */
export function woocommerceStockSink(
  api: WoocommerceApi,
  mapping: MappingFile<WoocommerceMapping>,
  logger: Logger,
): StockSink {
  return {
    name: "woocommerce",
    maxBatch: WOOCOMMERCE_BATCH,
    async setLevels(levels) {
      const { endpoints, missing } = byEndpoint(levels, mapping.current());
      if (missing.length > 0)
        logger.warn(
          { sink: "woocommerce", unmapped: missing },
          "stock levels left out: SKUs not in WOOCOMMERCE_MAPPING_FILE",
        );
      for (const [path, updates] of endpoints)
        for (let start = 0; start < updates.length; start += WOOCOMMERCE_BATCH) {
          const answer = await api.request<BatchAnswer>("POST", path, {
            body: { update: updates.slice(start, start + WOOCOMMERCE_BATCH) },
          });
          const refused = (answer.update ?? []).filter((item) => item.error);
          if (refused.length > 0)
            logger.warn(
              {
                sink: "woocommerce",
                refused: refused.map((item) => `${item.id}: ${item.error?.message ?? "refused"}`),
              },
              "stock levels refused by WooCommerce",
            );
        }
    },
  };
}
