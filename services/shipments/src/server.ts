import type { ServiceDefinition } from "@waybill/service";
import { createContext, type ShipmentsContext } from "./context.ts";
import { shipmentsConsumers } from "./events/consumers.ts";
import { resolvers } from "./resolvers/index.ts";
import { prepareShipmentsStore } from "./store/repository.ts";

/** The shipments subgraph: confirmed shipments, carrier milestones and shipment status. */
export const shipmentsService: ServiceDefinition<ShipmentsContext> = {
  name: "shipments",
  schemaFolder: new URL("./schema/", import.meta.url),
  resolvers,
  prepare: prepareShipmentsStore,
  context: (runtime, principal) => createContext(runtime, principal),
  consumers: shipmentsConsumers,
};
