import type { ServiceDefinition } from "@waybill/service";
import { createContext, type ReturnsContext } from "./context.ts";
import { returnsConsumers } from "./events/consumers.ts";
import { resolvers } from "./resolvers/index.ts";
import { prepareReturnsStore } from "./store/repository.ts";
import { returnsReconciliation } from "./usecases/reconciliation.ts";

/** The returns subgraph: RMAs against shipped quantities. */
export const returnsService: ServiceDefinition<ReturnsContext> = {
  name: "returns",
  schemaFolder: new URL("./schema/", import.meta.url),
  resolvers,
  prepare: prepareReturnsStore,
  context: (runtime, principal) => createContext(runtime, principal),
  consumers: returnsConsumers,
  reconciliation: returnsReconciliation,
};
