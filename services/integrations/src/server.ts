import { secretFromEnv } from "@waybill/config";
import type { ServiceDefinition } from "@waybill/service";
import { integrationsConfig } from "./config.ts";
import { createContext, type IntegrationsContext } from "./context.ts";
import { hubClient } from "./hub/client.ts";
import { outboundConsumers } from "./outbound/consumers.ts";
import { outboundJobs } from "./outbound/jobs.ts";
import { outboundOf } from "./outbound/outbound.ts";
import { resolvers } from "./resolvers/index.ts";
import { prepareOutboundStore } from "./store/outbound.ts";
import { integrationsRepository, prepareIntegrationsStore } from "./store/repository.ts";
import { webhookRoutes } from "./webhooks/route.ts";
import { webhookSources } from "./webhooks/sources.ts";

/**
 * The integrations subgraph: every external format. Webhooks from outside systems arrive through
 * the gateway at `/webhooks/<source>/<topic>`, are verified by their source's signature and turned
 * into calls on the hub; receipts of what was verified are kept. Partners' endpoints hear the hub's
 * events by signed webhooks (`outbound/`).
 */
export const integrationsService: ServiceDefinition<IntegrationsContext> = {
  name: "integrations",
  schemaFolder: new URL("./schema/", import.meta.url),
  resolvers,
  async prepare(store) {
    await prepareIntegrationsStore(store);
    await prepareOutboundStore(store);
  },
  context: (runtime, principal) => createContext(runtime, principal),
  consumers: (runtime) => outboundConsumers(outboundOf(runtime).repo),
  // The delivery loop and its metrics; the configuration is validated here, before consuming.
  metrics: (runtime) => void outboundOf(runtime),
  jobs: (runtime) => outboundJobs(outboundOf(runtime)),
  routes(runtime, env) {
    const config = integrationsConfig(env);
    const hub = hubClient(config.GATEWAY_URL, secretFromEnv(env, "INTERNAL_SIGNING_KEY"));
    return webhookRoutes(webhookSources(env), {
      repo: integrationsRepository(runtime.store),
      hub,
      logger: runtime.logger,
    });
  },
};
