// Hive Gateway serving Waybill's supergraph, for the side-by-side gateway benchmark only.
// Reads PORT and SUBGRAPH_<NAME>_URL like our gateway; logs errors only.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { SUBGRAPHS } from "../scripts/subgraphs.ts";

const supergraph = readFileSync(new URL("../schema/supergraph.graphql", import.meta.url), "utf8");

const transportEntries: Record<string, { location: string }> = {};
for (const { name } of SUBGRAPHS) {
  const location = process.env[`SUBGRAPH_${name.toUpperCase()}_URL`];
  if (!location) throw new Error(`SUBGRAPH_${name.toUpperCase()}_URL is required`);
  transportEntries[name] = { location };
}

const gateway = createGatewayRuntime({
  supergraph,
  transportEntries,
  logging: "error",
  graphiql: false,
  landingPage: false,
});

const port = Number(process.env.PORT ?? 4100);
const server = createServer(gateway);
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => {
  console.log(JSON.stringify({ msg: "hive gateway listening", port }));
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
    void Promise.resolve(gateway.dispose()).then(() => process.exit(0));
  });
}
