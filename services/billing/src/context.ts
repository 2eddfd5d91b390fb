import type { ServiceRuntime } from "@waybill/runtime";
import {
  billingRepository,
  type BillingLoaders,
  type BillingRepository,
} from "./store/repository.ts";

/** What every billing resolver receives. */
export interface BillingContext {
  runtime: ServiceRuntime;
  repo: BillingRepository;
  loaders: BillingLoaders;
}

export function createContext(runtime: ServiceRuntime): BillingContext {
  const repo = billingRepository(runtime.store);
  return { runtime, repo, loaders: repo.loaders() };
}
