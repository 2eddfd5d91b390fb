import type { Principal } from "@waybill/auth";
import type { ServiceRuntime } from "@waybill/service";
import { ordersRepository, type OrdersLoaders, type OrdersRepository } from "./store/repository.ts";

/** What every orders resolver receives. */
export interface OrdersContext {
  runtime: ServiceRuntime;
  /** The caller the gateway verified; resolvers authorise against it. */
  principal: Principal | undefined;
  repo: OrdersRepository;
  loaders: OrdersLoaders;
}

export function createContext(
  runtime: ServiceRuntime,
  principal: Principal | undefined,
): OrdersContext {
  const repo = ordersRepository(runtime.store);
  return { runtime, principal, repo, loaders: repo.loaders() };
}
