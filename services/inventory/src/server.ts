import type { ServiceDefinition } from "@waybill/runtime";
import { createContext, type InventoryContext } from "./context.ts";
import { resolvers } from "./resolvers/index.ts";
import { prepareInventoryStore } from "./store/repository.ts";

/** The inventory subgraph: products and their stock per warehouse. */
export const inventoryService: ServiceDefinition<InventoryContext> = {
  name: "inventory",
  schemaFolder: new URL("./schema/", import.meta.url),
  resolvers,
  prepare: prepareInventoryStore,
  context: (runtime) => createContext(runtime),
};
