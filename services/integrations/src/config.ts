import { readConfig } from "@waybill/config";
import { z } from "zod";

/** Where the integrations service reaches the hub: the gateway, for the supergraph. */
export function integrationsConfig(env: NodeJS.ProcessEnv) {
  return readConfig(
    {
      GATEWAY_URL: z
        .url(
          "GATEWAY_URL must be the gateway's GraphQL URL, for example http://127.0.0.1:4000/graphql",
        )
        .default("http://127.0.0.1:4000/graphql"),
    },
    env,
  );
}
