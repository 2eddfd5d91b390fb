import type { Logger } from "@waybill/observability";
import type { MappingFile } from "../mapping-file.ts";
import { ConnectorError } from "../outcome.ts";
import type { StockSink } from "../../stock-feed/feed.ts";
import type { StockLevel } from "../../store/stock-levels.ts";
import { type ShopifyAdmin } from "./client.ts";
import type { ShopifyMapping } from "./mapping.ts";

export const INVENTORY_SET = `mutation WaybillInventorySet($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) {
    inventoryAdjustmentGroup { id }
    userErrors { field message code }
  }
}`;

/** Quantities one inventorySetQuantities call takes at most. */
export const SHOPIFY_STOCK_BATCH = 250;

/**
 * Stock levels as the shop's `available` quantities, set absolutely (`ignoreCompareQuantity`:
 * Waybill is the source of truth, and the feed already keeps only the newest level). A SKU or
 * warehouse the mapping lacks is left out and logged; a negative level is sent as 0, which
 * Shopify's set refuses below.
 */
export function shopifyStockSink(
  admin: ShopifyAdmin,
  mapping: MappingFile<ShopifyMapping>,
  logger: Logger,
): StockSink {
  return {
    name: "shopify",
    maxBatch: SHOPIFY_STOCK_BATCH,
    async setLevels(levels: readonly StockLevel[]) {
      const current = mapping.current();
      const missing = new Set<string>();
      const quantities = [];
      for (const level of levels) {
        const inventoryItemId = current.inventoryItems[level.sku];
        const locationId = current.locations[level.warehouse];
        if (!inventoryItemId) missing.add(`SKU ${level.sku}`);
        if (!locationId) missing.add(`warehouse ${level.warehouse}`);
        if (!inventoryItemId || !locationId) continue;
        quantities.push({
          inventoryItemId,
          locationId,
          quantity: Math.max(0, level.available),
          changeFromQuantity: null,
        });
      }
      if (missing.size > 0)
        logger.warn(
          { sink: "shopify", unmapped: [...missing] },
          "stock levels left out: not in SHOPIFY_MAPPING_FILE",
        );
      if (quantities.length === 0) return;
      const { inventorySetQuantities: set } = await admin.request<{
        inventorySetQuantities: { userErrors: { field: string[] | null; message: string }[] };
      }>("WaybillInventorySet", INVENTORY_SET, {
        input: { name: "available", reason: "correction", ignoreCompareQuantity: true, quantities },
      });
      if (set.userErrors.length > 0)
        throw new ConnectorError(
          "parked",
          `Shopify refused inventorySetQuantities: ${set.userErrors.map((error) => error.message).join("; ")}`,
        );
    },
  };
}
