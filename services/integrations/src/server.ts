import { secretFromEnv } from "@waybill/config";
import type { ServiceDefinition } from "@waybill/service";
import { integrationsConfig } from "./config.ts";
import { connectorJobs, connectorsOf } from "./connectors/connectors.ts";
import { connectorConsumers } from "./connectors/consumers.ts";
import { createContext, type IntegrationsContext } from "./context.ts";
import { hubClient } from "./hub/client.ts";
import { outboundConsumers } from "./outbound/consumers.ts";
import { outboundJobs } from "./outbound/jobs.ts";
import { outboundOf } from "./outbound/outbound.ts";
import { resolvers } from "./resolvers/index.ts";
import { stockFeedConsumers } from "./stock-feed/feed.ts";
import { stockFeedJobs, stockFeedOf } from "./stock-feed/jobs.ts";
import { prepareConnectorStore } from "./store/connectors.ts";
import { prepareOutboundStore } from "./store/outbound.ts";
import { integrationsRepository, prepareIntegrationsStore } from "./store/repository.ts";
import { prepareStockFeedStore, stockLevelRepository } from "./store/stock-levels.ts";
import { webhookRoutes } from "./webhooks/route.ts";
import { webhookSources } from "./webhooks/sources.ts";

/**
 * The integrations subgraph: every external format. Webhooks from outside systems arrive through
 * the gateway at `/webhooks/<source>/<topic>`, are verified by their source's signature and turned
 * into calls on the hub; receipts of what was verified are kept. Partners' endpoints hear the hub's
 * events by signed webhooks (`outbound/`); finance systems receive billing's documents through
 * connectors (`connectors/`), off unless `CONNECTORS` names them; storefronts among them also
 * take inventory's stock levels (`stock-feed/`).
 */
export const integrationsService: ServiceDefinition<IntegrationsContext> = {
  name: "integrations",
  schemaFolder: new URL("./schema/", import.meta.url),
  resolvers,
  async prepare(store) {
    await prepareIntegrationsStore(store);
    await prepareOutboundStore(store);
    await prepareConnectorStore(store);
    await prepareStockFeedStore(store);
  },
  context: (runtime, principal) => createContext(runtime, principal),
  // Both read billing's stream; the host merges them into one consumer, one inbox record.
  consumers: (runtime) => {
    const connectors = connectorsOf(runtime);
    return [
      ...outboundConsumers(outboundOf(runtime).repo),
      ...connectorConsumers(
        connectors.repo,
        connectors.runs.map((run) => run.connector),
      ),
      ...stockFeedConsumers(
        stockLevelRepository(runtime.store),
        stockFeedOf(runtime, connectors).map((run) => run.sink.name),
      ),
    ];
  },
  // Delivery loops and their metrics; configurations (mapping files too) are validated here.
  metrics: (runtime) => {
    outboundOf(runtime);
    stockFeedOf(runtime, connectorsOf(runtime));
  },
  jobs: (runtime) => [
    ...outboundJobs(outboundOf(runtime)),
    ...connectorJobs(connectorsOf(runtime)),
    ...stockFeedJobs(stockFeedOf(runtime, connectorsOf(runtime))),
  ],
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
