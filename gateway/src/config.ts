import { fileURLToPath } from "node:url";
import { mongodbUrl, readConfig, secretFromEnv } from "@waybill/config";
import { z } from "zod";
import { authEnv, jwtSettings } from "./auth/config.ts";
import { idempotencyEnv } from "./idempotency/config.ts";
import { limitsEnv } from "./limits/config.ts";

/** The services behind the gateway, each a subgraph of the supergraph. */
export const SERVICES = [
  "orders",
  "shipments",
  "inventory",
  "billing",
  "returns",
  "integrations",
] as const;

export type ServiceName = (typeof SERVICES)[number];

const url = z.string().url().optional();

/** Where `npm run build -w @waybill/console` writes the console. */
const CONSOLE_BUILD = new URL("../../apps/console/dist", import.meta.url);

/**
 * Gateway configuration from the environment; subgraph URLs default to the supergraph's. The
 * internal signing key has no default: the gateway does not start without it.
 */
export function gatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = readConfig(
    {
      PORT: z.coerce.number().int().min(0).max(65535).default(4000),
      HOST: z.string().default("127.0.0.1"),
      LOG_LEVEL: z
        .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
        .default("info"),
      /** production hides introspection and internal error details; development shows them. */
      WAYBILL_ENV: z.enum(["production", "development"]).default("production"),
      MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
      /** Where the gateway keeps API keys: the embedded store under DATA_DIR, or MongoDB. */
      DATA_DIR: z.string().default(".waybill/data"),
      MONGODB_URL: mongodbUrl.optional(),
      /** How long to wait at start-up for NATS and MongoDB before refusing to start. */
      CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
      /**
       * Redis shared by every gateway (`redis://host:6379`): rate-limit counters and revocations.
       * Unset: each gateway counts on its own, which is right for one gateway only.
       */
      REDIS_URL: z
        .string()
        .regex(/^rediss?:\/\/\S+$/, "REDIS_URL must be a redis:// or rediss:// URL")
        .optional(),
      /** NATS with JetStream, for subscriptions; unset: subscriptions answer an error. */
      NATS_URL: z.string().min(1).optional(),
      /** How often open subscriptions check their credentials again (expiry, revocation). */
      SUBSCRIPTION_RECHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
      /**
       * How many events behind its stream a live subscriber may fall before it is ended with its
       * cursor (SUBSCRIBER_TOO_SLOW); the gateway keeps this many of each stream's newest events.
       */
      SUBSCRIPTION_MAX_LAG: z.coerce.number().int().min(10).max(1_000_000).default(10_000),
      /** Shipments and returns younger than this are still on their way, not yet discrepancies. */
      RECONCILE_GRACE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
      /** How often the healing sweep runs; 0 turns it off. */
      RECONCILE_SWEEP_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
      /** How many days of orders each sweep looks back over. */
      RECONCILE_WINDOW_DAYS: z.coerce.number().int().min(1).max(366).default(7),
      /** The most orders one report covers. */
      RECONCILE_MAX_ORDERS: z.coerce.number().int().min(1).max(100_000).default(5_000),
      /** The built console, served at /console; its documents are trusted beside the manifest's. */
      CONSOLE_DIR: z.string().min(1).default(fileURLToPath(CONSOLE_BUILD)),
      SUBGRAPH_ORDERS_URL: url,
      SUBGRAPH_SHIPMENTS_URL: url,
      SUBGRAPH_INVENTORY_URL: url,
      SUBGRAPH_BILLING_URL: url,
      SUBGRAPH_RETURNS_URL: url,
      SUBGRAPH_INTEGRATIONS_URL: url,
      ...authEnv,
      ...limitsEnv,
      ...idempotencyEnv,
    },
    env,
  );
  const subgraphUrls: Partial<Record<string, string>> = {};
  for (const name of SERVICES) {
    const override =
      config[`SUBGRAPH_${name.toUpperCase()}_URL` as `SUBGRAPH_${Uppercase<typeof name>}_URL`];
    if (override) subgraphUrls[name] = override;
  }
  return {
    ...config,
    subgraphUrls,
    jwt: jwtSettings(config),
    signingKey: secretFromEnv(env, "INTERNAL_SIGNING_KEY"),
  };
}

export type GatewayConfig = ReturnType<typeof gatewayConfig>;
