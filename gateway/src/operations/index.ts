import { LocalGraphQLDataSource } from "@apollo/gateway";
import { buildSchema, loadTypeDefs } from "@waybill/runtime";
import { operationsClient, type ServiceName } from "./client.ts";
import { operationsResolvers } from "./resolvers.ts";

/** The subgraph name the operations API has in the supergraph; it runs inside the gateway. */
export const OPERATIONS_SUBGRAPH = "operations";

/** The operations subgraph, served in-process, calling each service at `urlOf(service)`. */
export function operationsDataSource(
  urlOf: (service: ServiceName) => string,
): LocalGraphQLDataSource {
  const schema = buildSchema(
    loadTypeDefs(new URL("./", import.meta.url)),
    operationsResolvers(operationsClient(urlOf)),
  );
  return new LocalGraphQLDataSource(schema);
}
