import { LocalGraphQLDataSource } from "@apollo/gateway";
import { buildSchema, loadTypeDefs } from "@waybill/graphql";
import type { GraphQLSchema } from "graphql";
import { apiKeyResolvers } from "./admin/api-key-resolvers.ts";
import { exceptionQueueClient, type ServiceName } from "./admin/exception-queue-client.ts";
import { exceptionResolvers } from "./admin/exception-resolvers.ts";
import type { ApiKeyStore } from "./auth/api-keys.ts";
import { viewerResolvers } from "./auth/viewer-resolvers.ts";
import type { Reconciler } from "./reconciliation/reconciler.ts";
import { reconciliationResolvers } from "./reconciliation/resolvers.ts";

/** The name of the gateway's own subgraph in the supergraph; it runs inside the gateway. */
export const GATEWAY_SUBGRAPH = "gateway";

export type OwnSubgraphOptions = {
  urlOf: (service: ServiceName) => string;
  signingKey: Buffer;
  apiKeys: ApiKeyStore;
  reconciler: Reconciler;
};

/**
 * The schema of the gateway's own subgraph: the admin API (every service's exception queue and
 * replays, called at `urlOf(service)` and signed with `signingKey`; API keys) and the reconciliation.
 * Its Subscription type is served by the gateway itself, over the whole API schema (subscriptions/).
 */
export function ownSchema(options: OwnSubgraphOptions): GraphQLSchema {
  const exceptions = exceptionResolvers(exceptionQueueClient(options.urlOf, options.signingKey));
  const keys = apiKeyResolvers(options.apiKeys);
  const reconciliation = reconciliationResolvers(options.reconciler);
  return buildSchema(loadTypeDefs(new URL("./schema/", import.meta.url)), {
    ...exceptions,
    ...reconciliation,
    Query: {
      ...exceptions.Query,
      ...keys.Query,
      ...reconciliation.Query,
      ...viewerResolvers.Query,
    },
    Mutation: { ...exceptions.Mutation, ...keys.Mutation, ...reconciliation.Mutation },
  });
}

/** The gateway's own subgraph, served in-process to the query planner. */
export function ownDataSource(schema: GraphQLSchema): LocalGraphQLDataSource {
  return new LocalGraphQLDataSource(schema);
}
