import type { ServiceDefinition } from "@waybill/runtime";
import { createContext, type BillingContext } from "./context.ts";
import { billingConsumers } from "./events/consumers.ts";
import { resolvers } from "./resolvers/index.ts";
import { prepareBillingStore } from "./store/repository.ts";

/** The billing subgraph: invoices per shipment, from shipped quantities only. */
export const billingService: ServiceDefinition<BillingContext> = {
  name: "billing",
  schemaFolder: new URL("./schema/", import.meta.url),
  resolvers,
  prepare: prepareBillingStore,
  context: (runtime) => createContext(runtime),
  consumers: billingConsumers,
};
