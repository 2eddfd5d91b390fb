import type { Principal } from "@waybill/auth";
import type { ServiceRuntime } from "@waybill/service";
import type { Store } from "@waybill/store";
import {
  customerServiceRepository,
  type CustomerServiceLoaders,
  type CustomerServiceRepository,
} from "./customer-service/store/repository.ts";
import {
  ordersRepository,
  type OrdersLoaders,
  type OrdersRepository,
} from "./lifecycle/store/repository.ts";

/** The repositories of the service's two rooms: the order lifecycle and customer service. */
export interface OrdersRooms {
  orders: OrdersRepository;
  customerService: CustomerServiceRepository;
}

export const ordersRooms = (store: Store): OrdersRooms => ({
  orders: ordersRepository(store),
  customerService: customerServiceRepository(store),
});

/** What every orders resolver receives. */
export interface OrdersContext extends OrdersRooms {
  runtime: ServiceRuntime;
  /** The caller the gateway verified; resolvers authorise against it. */
  principal: Principal | undefined;
  loaders: OrdersLoaders & CustomerServiceLoaders;
}

export function createContext(
  runtime: ServiceRuntime,
  principal: Principal | undefined,
): OrdersContext {
  const rooms = ordersRooms(runtime.store);
  const loaders = { ...rooms.orders.loaders(), ...rooms.customerService.loaders() };
  return { runtime, principal, ...rooms, loaders };
}
