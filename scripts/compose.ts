// Composes schema/supergraph.graphql from every subgraph's SDL, and from it schema/api.graphql, the
// API schema clients see (no join__/link__ machinery); `--check` fails when either is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { printSchema } from "graphql";
import { loadTypeDefs } from "@waybill/graphql";
import { defaultUrl, SUBGRAPHS } from "./subgraphs.ts";

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

// The API schema is derived as the gateway derives the one it serves (`toAPISchema`, then graphql-js).
const outputs = [
  { file: "schema/supergraph.graphql", text: result.supergraphSdl },
  {
    file: "schema/api.graphql",
    text: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n`,
  },
];

/** The committed text of `file`, or "" when there is none yet. */
const committed = (file: string) => {
  try {
    return readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
  } catch {
    return "";
  }
};

if (process.argv.includes("--check")) {
  const stale = outputs.filter(({ file, text }) => committed(file) !== text);
  if (stale.length) {
    for (const { file } of stale)
      console.error(`${file} is stale: run \`npm run compose\` and commit it`);
    process.exit(1);
  }
  console.log(`${outputs.map(({ file }) => file).join(" and ")} are current`);
} else {
  for (const { file, text } of outputs) writeFileSync(new URL(`../${file}`, import.meta.url), text);
  console.log(
    `composed ${SUBGRAPHS.length} subgraphs and the gateway's own into schema/supergraph.graphql and its API schema into schema/api.graphql`,
  );
}
