import { LocalGraphQLDataSource } from "@apollo/gateway";
import { buildSchema, loadTypeDefs } from "@waybill/graphql";
import type { GraphQLSchema } from "graphql";
import type { ApiKeyStore } from "../auth/api-keys.ts";
import type { MilestoneFeed } from "../subscriptions/milestones.ts";
import { apiKeyResolvers } from "./api-key-resolvers.ts";
import { operationsClient, type ServiceName } from "./client.ts";
import { operationsResolvers } from "./resolvers.ts";
import { subscriptionResolvers } from "./subscription-resolvers.ts";

/** The subgraph name the operations API has in the supergraph; it runs inside the gateway. */
export const OPERATIONS_SUBGRAPH = "operations";

export type OperationsOptions = {
  urlOf: (service: ServiceName) => string;
  signingKey: Buffer;
  apiKeys: ApiKeyStore;
  /** Milestones for subscriptions; undefined when the gateway has no NATS. */
  milestones?: MilestoneFeed | undefined;
};

/**
 * The schema of the gateway's own subgraph: the exception queue and replays (calling each service
 * at `urlOf(service)`, signed with `signingKey`), API keys, and subscriptions.
 */
export function operationsSchema(options: OperationsOptions): GraphQLSchema {
  const operations = operationsResolvers(operationsClient(options.urlOf, options.signingKey));
  const keys = apiKeyResolvers(options.apiKeys);
  return buildSchema(loadTypeDefs(new URL("./", import.meta.url)), {
    ...operations,
    Query: { ...operations.Query, ...keys.Query },
    Mutation: { ...operations.Mutation, ...keys.Mutation },
    ...subscriptionResolvers(options.milestones),
  });
}

/** The operations subgraph served in-process to the query planner. */
export function operationsDataSource(schema: GraphQLSchema): LocalGraphQLDataSource {
  return new LocalGraphQLDataSource(schema);
}
