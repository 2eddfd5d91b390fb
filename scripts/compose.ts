// Composes schema/supergraph.graphql from every subgraph's SDL; `--check` fails when it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { loadTypeDefs } from "@waybill/graphql";
import { defaultUrl, SUBGRAPHS } from "./subgraphs.ts";

const target = new URL("../schema/supergraph.graphql", import.meta.url);

const result = composeServices([
  ...SUBGRAPHS.map(({ name, port }) => ({
    name,
    url: defaultUrl(port),
    typeDefs: loadTypeDefs(new URL(`../services/${name}/src/schema/`, import.meta.url)),
  })),
  // The gateway's own subgraph (the admin API and subscriptions) runs inside the gateway process.
  {
    name: "gateway",
    url: "http://gateway.internal/graphql",
    typeDefs: loadTypeDefs(new URL("../gateway/src/schema/", import.meta.url)),
  },
]);
if (result.errors) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(`hint: ${hint.toString()}`);
const composed = result.supergraphSdl;

if (process.argv.includes("--check")) {
  const current = readFileSync(target, "utf8");
  if (current !== composed) {
    console.error("schema/supergraph.graphql is stale: run `npm run compose` and commit it");
    process.exit(1);
  }
  console.log("schema/supergraph.graphql is current");
} else {
  writeFileSync(target, composed);
  console.log(
    `composed ${SUBGRAPHS.length} subgraphs and the gateway's own into schema/supergraph.graphql`,
  );
}
