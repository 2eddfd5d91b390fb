import type { Principal } from "@waybill/auth";
import type { ServiceRuntime } from "@waybill/service";
import {
  returnsRepository,
  type ReturnsLoaders,
  type ReturnsRepository,
} from "./store/repository.ts";

/** What every returns resolver receives. */
export interface ReturnsContext {
  runtime: ServiceRuntime;
  /** The caller the gateway verified; resolvers authorise against it. */
  principal: Principal | undefined;
  repo: ReturnsRepository;
  loaders: ReturnsLoaders;
}

export function createContext(
  runtime: ServiceRuntime,
  principal: Principal | undefined,
): ReturnsContext {
  const repo = returnsRepository(runtime.store);
  return { runtime, principal, repo, loaders: repo.loaders() };
}
