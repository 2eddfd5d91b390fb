import type { ServiceDefinition } from "@waybill/service";
import { createContext, type BillingContext } from "./context.ts";
import { billingConfig } from "./config.ts";
import { billingConsumers } from "./events/consumers.ts";
import { billingMetrics } from "./metrics.ts";
import { resolvers } from "./resolvers/index.ts";
import { prepareBillingStore } from "./store/repository.ts";
import { podSweep } from "./usecases/pod-sweep.ts";
import { billingReconciliation } from "./usecases/reconciliation.ts";

/**
 * The billing subgraph: invoices per shipment from shipped quantities, policies and holds; credit
 * notes for returns and voids; carrier charges re-billed or costed.
 */
export const billingService: ServiceDefinition<BillingContext> = {
  name: "billing",
  schemaFolder: new URL("./schema/", import.meta.url),
  resolvers,
  prepare: prepareBillingStore,
  context: (runtime, principal) => createContext(runtime, principal),
  consumers: (runtime) => billingConsumers(runtime, { rebilled: billingConfig().CHARGE_REBILL }),
  metrics: (runtime) => void billingMetrics(runtime.metrics),
  jobs: (runtime) => [podSweep(runtime, billingConfig().POD_GRACE_SECONDS)],
  reconciliation: billingReconciliation,
};
