import type { ServiceRuntime } from "@waybill/runtime";
import {
  inventoryRepository,
  type InventoryLoaders,
  type InventoryRepository,
} from "./store/repository.ts";

/** What every inventory resolver receives. */
export interface InventoryContext {
  runtime: ServiceRuntime;
  repo: InventoryRepository;
  loaders: InventoryLoaders;
}

export function createContext(runtime: ServiceRuntime): InventoryContext {
  const repo = inventoryRepository(runtime.store);
  return { runtime, repo, loaders: repo.loaders() };
}
