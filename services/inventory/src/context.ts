import type { Principal } from "@waybill/auth";
import type { ServiceRuntime } from "@waybill/service";
import type { InventoryConfig } from "./config.ts";
import {
  inventoryRepository,
  type InventoryLoaders,
  type InventoryRepository,
} from "./store/repository.ts";

/** What every inventory resolver receives. */
export interface InventoryContext {
  runtime: ServiceRuntime;
  /** The caller the gateway verified; resolvers authorise against it. */
  principal: Principal | undefined;
  config: InventoryConfig;
  repo: InventoryRepository;
  loaders: InventoryLoaders;
}

export function createContext(
  runtime: ServiceRuntime,
  config: InventoryConfig,
  principal: Principal | undefined,
): InventoryContext {
  const repo = inventoryRepository(runtime.store);
  return { runtime, principal, config, repo, loaders: repo.loaders() };
}
