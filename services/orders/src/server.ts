import type { ServiceDefinition } from "@waybill/service";
import { createContext, type OrdersContext } from "./context.ts";
import { ordersConsumers } from "./events/consumers.ts";
import { resolvers } from "./resolvers/index.ts";
import { ordersRepository, prepareOrdersStore } from "./store/repository.ts";
import { shopifyConfig } from "./webhooks/shopify/config.ts";
import { SHOPIFY_ORDERS_CREATE_PATH, shopifyOrdersCreate } from "./webhooks/shopify/route.ts";

/** The orders subgraph: orders, customers, status, timeline, service cases; Shopify order webhooks. */
export const ordersService: ServiceDefinition<OrdersContext> = {
  name: "orders",
  schemaFolder: new URL("./schema/", import.meta.url),
  resolvers,
  prepare: prepareOrdersStore,
  context: (runtime, principal) => createContext(runtime, principal),
  consumers: ordersConsumers,
  routes: (runtime, env) => ({
    [SHOPIFY_ORDERS_CREATE_PATH]: shopifyOrdersCreate(
      runtime,
      ordersRepository(runtime.store),
      shopifyConfig(env),
    ),
  }),
};
