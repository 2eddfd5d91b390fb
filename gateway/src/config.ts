import { readConfig } from "@waybill/runtime";
import { z } from "zod";

const SUBGRAPHS = ["orders", "shipments", "inventory", "billing", "returns"] as const;

const url = z.string().url().optional();

/** Gateway configuration from the environment; subgraph URLs default to the supergraph's. */
export function gatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = readConfig(
    {
      PORT: z.coerce.number().int().min(0).max(65535).default(4000),
      HOST: z.string().default("127.0.0.1"),
      LOG_LEVEL: z
        .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
        .default("info"),
      MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
      SUBGRAPH_ORDERS_URL: url,
      SUBGRAPH_SHIPMENTS_URL: url,
      SUBGRAPH_INVENTORY_URL: url,
      SUBGRAPH_BILLING_URL: url,
      SUBGRAPH_RETURNS_URL: url,
    },
    env,
  );
  const subgraphUrls: Partial<Record<string, string>> = {};
  for (const name of SUBGRAPHS) {
    const override =
      config[`SUBGRAPH_${name.toUpperCase()}_URL` as `SUBGRAPH_${Uppercase<typeof name>}_URL`];
    if (override) subgraphUrls[name] = override;
  }
  return { ...config, subgraphUrls };
}

export type GatewayConfig = ReturnType<typeof gatewayConfig>;
