import { ConfigError, readConfig } from "@waybill/config";
import { z } from "zod";

/** The connectors Waybill has; `CONNECTORS` names those switched on. */
export const CONNECTOR_NAMES = [
  "edi",
  "erpnext",
  "magento",
  "netsuite",
  "s4hana",
  "sage200",
  "sap-b1",
  "shopify",
  "woocommerce",
] as const;
export type ConnectorName = (typeof CONNECTOR_NAMES)[number];

const positive = (variable: string, fallback: number) =>
  z.coerce
    .number({ message: `${variable} must be a number` })
    .positive(`${variable} must be above 0`)
    .default(fallback);

/** Minutes and hours, then hourly: a finance document is never given up on silently. */
export const CONNECTOR_SCHEDULE = "0,5,30,120,600,1800,3600";

/** What every connector shares: which are on, the retry schedule, the breaker and the loop. */
export function connectorsConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      CONNECTORS: z.string().default(""),
      CONNECTOR_RETRY_SCHEDULE: z.string().default(CONNECTOR_SCHEDULE),
      CONNECTOR_POLL_MS: positive("CONNECTOR_POLL_MS", 500),
      CONNECTOR_BREAKER_FAILURES: positive("CONNECTOR_BREAKER_FAILURES", 5),
      CONNECTOR_BREAKER_SECONDS: positive("CONNECTOR_BREAKER_SECONDS", 60),
    },
    env,
  );
  const names = config.CONNECTORS.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names)
    if (!(CONNECTOR_NAMES as readonly string[]).includes(name))
      throw new ConfigError(
        `CONNECTORS: unknown connector "${name}" (known: ${CONNECTOR_NAMES.join(", ")})`,
      );
  const schedule = config.CONNECTOR_RETRY_SCHEDULE.split(",").map((part) => Number(part.trim()));
  if (schedule.some((value) => !Number.isFinite(value) || value < 0))
    throw new ConfigError(
      "CONNECTOR_RETRY_SCHEDULE must be non-negative seconds separated by commas",
    );
  return {
    enabled: [...new Set(names)] as ConnectorName[],
    schedule,
    pollMs: config.CONNECTOR_POLL_MS,
    breakerFailures: Math.floor(config.CONNECTOR_BREAKER_FAILURES),
    breakerMs: config.CONNECTOR_BREAKER_SECONDS * 1_000,
  };
}

export type ConnectorsConfig = ReturnType<typeof connectorsConfig>;
