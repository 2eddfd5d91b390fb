// Hive Gateway serving Waybill's supergraph, for the side-by-side gateway benchmark only.
// Reads PORT, SUBGRAPH_<NAME>_URL and INTERNAL_SIGNING_KEY(_FILE) like our gateway; logs errors only.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway-runtime";
// By path rather than through the packages' indexes, so this process loads only the signing code
// on top of Hive (its memory is measured).
import { encodePrincipal, principalOf } from "../packages/auth/src/principal.ts";
import { signRequest } from "../packages/auth/src/signature.ts";
import { secretFromEnv } from "../packages/config/src/secrets.ts";
import { SUBGRAPHS } from "../scripts/subgraphs.ts";

const supergraph = readFileSync(new URL("../schema/supergraph.graphql", import.meta.url), "utf8");

const transportEntries: Record<string, { location: string }> = {};
for (const { name } of SUBGRAPHS) {
  const location = process.env[`SUBGRAPH_${name.toUpperCase()}_URL`];
  if (!location) throw new Error(`SUBGRAPH_${name.toUpperCase()}_URL is required`);
  transportEntries[name] = { location };
}

const signingKey = secretFromEnv(process.env, "INTERNAL_SIGNING_KEY");
const principal = encodePrincipal(principalOf({ subject: "bench:hive-gateway", role: "admin" }));

/**
 * Subgraphs answer only calls the gateway signed: sign each of Hive's as ours signs its own. The
 * signing wraps the fetch itself, so it sees the method, URL and body after every other hook.
 */
const signSubgraphCalls: GatewayPlugin = {
  onFetch({ fetchFn, setFetchFn }) {
    setFetchFn((url, options = {}, context, info) => {
      const body = options.body ?? "";
      if (typeof body !== "string" && !(body instanceof Uint8Array))
        throw new Error("cannot sign a streamed subgraph request body");
      const { pathname, search } = new URL(url);
      const method = options.method ?? "GET";
      const signed = signRequest(signingKey, { method, path: pathname + search, body, principal });
      return fetchFn(
        url,
        { ...options, headers: { ...options.headers, ...signed } },
        context,
        info,
      );
    });
  },
};

const gateway = createGatewayRuntime({
  supergraph,
  transportEntries,
  logging: "error",
  graphiql: false,
  landingPage: false,
  plugins: () => [signSubgraphCalls],
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
