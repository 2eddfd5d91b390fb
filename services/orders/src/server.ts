import type { ServiceDefinition } from "@waybill/service";
import type { Store } from "@waybill/store";
import { createContext, type OrdersContext } from "./context.ts";
import { customerServiceConsumers } from "./customer-service/events/consumers.ts";
import { prepareCustomerServiceStore } from "./customer-service/store/repository.ts";
import { lifecycleConsumers } from "./lifecycle/events/consumers.ts";
import { ordersRepository, prepareLifecycleStore } from "./lifecycle/store/repository.ts";
import { reconciliationFacts } from "./lifecycle/usecases/reconciliation-facts.ts";
import { resolvers } from "./resolvers.ts";

/** Indexes of both rooms' collections; idempotent. */
export async function prepareOrdersStore(store: Store): Promise<void> {
  await prepareLifecycleStore(store);
  await prepareCustomerServiceStore(store);
}

/**
 * The orders subgraph, two rooms in one service: the order lifecycle (orders, customers, lines,
 * statuses, cancellations) and customer service (timelines, service cases).
 */
export const ordersService: ServiceDefinition<OrdersContext> = {
  name: "orders",
  schemaFolder: new URL("./schema/", import.meta.url),
  resolvers,
  prepare: prepareOrdersStore,
  context: (runtime, principal) => createContext(runtime, principal),
  // The lifecycle first (the host runs both rooms' handlers of an event in this order, in one
  // transaction): a timeline entry never waits on the quantities it is about.
  consumers: (runtime) => [...lifecycleConsumers(runtime), ...customerServiceConsumers(runtime)],
  reconciliation: (runtime) => ({
    facts: ({ from, to }) =>
      reconciliationFacts(
        ordersRepository(runtime.store),
        from ?? new Date(0),
        to ?? new Date(8.64e15),
      ),
  }),
};
