import type { ServiceDefinition } from "@waybill/runtime";
import { createContext, type OrdersContext } from "./context.ts";
import { ordersConsumers } from "./events/consumers.ts";
import { resolvers } from "./resolvers/index.ts";
import { prepareOrdersStore } from "./store/repository.ts";

/** The orders subgraph: orders, customers, order status and timeline. */
export const ordersService: ServiceDefinition<OrdersContext> = {
  name: "orders",
  schemaFolder: new URL("./schema/", import.meta.url),
  resolvers,
  prepare: prepareOrdersStore,
  context: (runtime) => createContext(runtime),
  consumers: ordersConsumers,
};
