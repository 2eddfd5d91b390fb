import type { Principal } from "@waybill/auth";
import type { ServiceRuntime } from "@waybill/service";
import {
  billingRepository,
  type BillingLoaders,
  type BillingRepository,
} from "./store/repository.ts";

/** What every billing resolver receives. */
export interface BillingContext {
  runtime: ServiceRuntime;
  /** The caller the gateway verified; resolvers authorise against it. */
  principal: Principal | undefined;
  repo: BillingRepository;
  loaders: BillingLoaders;
}

export function createContext(
  runtime: ServiceRuntime,
  principal: Principal | undefined,
): BillingContext {
  const repo = billingRepository(runtime.store);
  return { runtime, principal, repo, loaders: repo.loaders() };
}
