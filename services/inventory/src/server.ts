import type { ServiceDefinition } from "@waybill/service";
import type { InventoryConfig } from "./config.ts";
import { createContext, type InventoryContext } from "./context.ts";
import { inventoryConsumers } from "./events/consumers.ts";
import { resolvers } from "./resolvers/index.ts";
import { prepareInventoryStore } from "./store/repository.ts";
import { inventoryReconciliation } from "./usecases/reconciliation.ts";

/**
 * The inventory subgraph: products, stock per warehouse, movements, reservations of order lines
 * and stock exceptions.
 */
export function inventoryService(config: InventoryConfig): ServiceDefinition<InventoryContext> {
  return {
    name: "inventory",
    schemaFolder: new URL("./schema/", import.meta.url),
    resolvers,
    prepare: prepareInventoryStore,
    context: (runtime, principal) => createContext(runtime, config, principal),
    consumers: inventoryConsumers,
    reconciliation: inventoryReconciliation,
  };
}
