import { LocalGraphQLDataSource } from "@apollo/gateway";
import { buildSchema, loadTypeDefs } from "@waybill/runtime";
import type { ApiKeyStore } from "../auth/api-keys.ts";
import { apiKeyResolvers } from "./api-key-resolvers.ts";
import { operationsClient, type ServiceName } from "./client.ts";
import { operationsResolvers } from "./resolvers.ts";

/** The subgraph name the operations API has in the supergraph; it runs inside the gateway. */
export const OPERATIONS_SUBGRAPH = "operations";

/**
 * The operations subgraph (exception queue, replays, API keys), served in-process; it calls each
 * service at `urlOf(service)`, signed with `signingKey`.
 */
export function operationsDataSource(options: {
  urlOf: (service: ServiceName) => string;
  signingKey: Buffer;
  apiKeys: ApiKeyStore;
}): LocalGraphQLDataSource {
  const operations = operationsResolvers(operationsClient(options.urlOf, options.signingKey));
  const keys = apiKeyResolvers(options.apiKeys);
  const schema = buildSchema(loadTypeDefs(new URL("./", import.meta.url)), {
    ...operations,
    Query: { ...operations.Query, ...keys.Query },
    Mutation: { ...operations.Mutation, ...keys.Mutation },
  });
  return new LocalGraphQLDataSource(schema);
}
