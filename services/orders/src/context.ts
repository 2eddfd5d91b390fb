import type { ServiceRuntime } from "@waybill/runtime";
import { ordersRepository, type OrdersLoaders, type OrdersRepository } from "./store/repository.ts";

/** What every orders resolver receives. */
export interface OrdersContext {
  runtime: ServiceRuntime;
  repo: OrdersRepository;
  loaders: OrdersLoaders;
}

export function createContext(runtime: ServiceRuntime): OrdersContext {
  const repo = ordersRepository(runtime.store);
  return { runtime, repo, loaders: repo.loaders() };
}
