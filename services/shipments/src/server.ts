import type { ServiceDefinition } from "@waybill/service";
import type { ShipmentsConfig } from "./config.ts";
import { createContext, type ShipmentsContext } from "./context.ts";
import { shipmentsConsumers } from "./events/consumers.ts";
import { resolvers } from "./resolvers/index.ts";
import { prepareShipmentsStore } from "./store/repository.ts";
import { shipmentsReconciliation } from "./usecases/reconciliation.ts";

/** The shipments subgraph: confirmed shipments, carrier milestones and shipment status. */
export function shipmentsService(config: ShipmentsConfig): ServiceDefinition<ShipmentsContext> {
  return {
    name: "shipments",
    schemaFolder: new URL("./schema/", import.meta.url),
    resolvers,
    prepare: prepareShipmentsStore,
    context: (runtime, principal) => createContext(runtime, principal, config),
    consumers: shipmentsConsumers,
    reconciliation: shipmentsReconciliation,
  };
}
export { shipmentsConfig } from "./config.ts";
