import { readdirSync, readFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { parse, type DocumentNode, type GraphQLSchema } from "graphql";

/** Reads every `.graphql` file of a schema folder, in name order, as one document. */
export function loadTypeDefs(folder: URL): DocumentNode {
  const files = readdirSync(folder)
    .filter((file) => file.endsWith(".graphql"))
    .sort();
  return parse(files.map((file) => readFileSync(new URL(file, folder), "utf8")).join("\n"));
}

/** The federated schema of one subgraph; `resolvers` is the service's generated `Resolvers` map. */
export function buildSchema(typeDefs: DocumentNode, resolvers: object): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap }]);
}

/** An entity owned by another subgraph, known here only by its key. */
export type Reference = { id: string };
