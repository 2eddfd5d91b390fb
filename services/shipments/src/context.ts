import type { ServiceRuntime } from "@waybill/runtime";
import {
  shipmentsRepository,
  type ShipmentsLoaders,
  type ShipmentsRepository,
} from "./store/repository.ts";

/** What every shipments resolver receives. */
export interface ShipmentsContext {
  runtime: ServiceRuntime;
  repo: ShipmentsRepository;
  loaders: ShipmentsLoaders;
}

export function createContext(runtime: ServiceRuntime): ShipmentsContext {
  const repo = shipmentsRepository(runtime.store);
  return { runtime, repo, loaders: repo.loaders() };
}
