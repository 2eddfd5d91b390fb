import type { Principal } from "@waybill/auth";
import type { ServiceRuntime } from "@waybill/service";
import {
  shipmentsRepository,
  type ShipmentsLoaders,
  type ShipmentsRepository,
} from "./store/repository.ts";

/** What every shipments resolver receives. */
export interface ShipmentsContext {
  runtime: ServiceRuntime;
  /** The caller the gateway verified; resolvers authorise against it. */
  principal: Principal | undefined;
  repo: ShipmentsRepository;
  loaders: ShipmentsLoaders;
}

export function createContext(
  runtime: ServiceRuntime,
  principal: Principal | undefined,
): ShipmentsContext {
  const repo = shipmentsRepository(runtime.store);
  return { runtime, principal, repo, loaders: repo.loaders() };
}
