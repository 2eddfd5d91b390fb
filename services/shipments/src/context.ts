import type { Principal } from "@waybill/auth";
import type { ServiceRuntime } from "@waybill/service";
import type { ShipmentsConfig } from "./config.ts";
import type { Clock } from "./domain/clock.ts";
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
  /** This service's clock for reported instants: now, and the skew allowed ahead of it. */
  clock(): Clock;
}

export function createContext(
  runtime: ServiceRuntime,
  principal: Principal | undefined,
  config: ShipmentsConfig,
): ShipmentsContext {
  const repo = shipmentsRepository(runtime.store);
  const clock = () => ({ now: new Date(), skewMs: config.clockSkewMs });
  return { runtime, principal, repo, loaders: repo.loaders(), clock };
}
