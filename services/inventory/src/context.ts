import type { ServiceRuntime } from "@waybill/runtime";
import type { InventoryConfig } from "./config.ts";
import {
  inventoryRepository,
  type InventoryLoaders,
  type InventoryRepository,
} from "./store/repository.ts";

/** What every inventory resolver receives. */
export interface InventoryContext {
  runtime: ServiceRuntime;
  config: InventoryConfig;
  repo: InventoryRepository;
  loaders: InventoryLoaders;
}

export function createContext(runtime: ServiceRuntime, config: InventoryConfig): InventoryContext {
  const repo = inventoryRepository(runtime.store);
  return { runtime, config, repo, loaders: repo.loaders() };
}
