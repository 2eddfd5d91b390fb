import { readConfig } from "@waybill/config";
import { z } from "zod";
import { MAX_QUANTITY } from "./domain/stock.ts";

/** Inventory's own settings, read once at start-up. */
export function inventoryConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = readConfig(
    {
      /** A cycle count further than this many units from the records opens a stock exception. */
      STOCK_VARIANCE_THRESHOLD: z.coerce.number().int().min(0).max(MAX_QUANTITY).default(10),
    },
    env,
  );
  return { varianceThreshold: config.STOCK_VARIANCE_THRESHOLD };
}

export type InventoryConfig = ReturnType<typeof inventoryConfig>;
