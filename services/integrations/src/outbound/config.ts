import { readConfig } from "@waybill/config";
import { z } from "zod";
import { parseNetworks } from "./ssrf.ts";

const DAY = 86_400;

/** Seconds as a comma-separated list, for example "0,5,300". */
const secondsList = (variable: string, fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const values = text.split(",").map((part) => Number(part.trim()));
      if (values.length === 0 || values.some((value) => !Number.isFinite(value) || value < 0)) {
        ctx.addIssue({
          code: "custom",
          message: `${variable} must be non-negative seconds separated by commas`,
        });
        return z.NEVER;
      }
      return values;
    });

const positive = (variable: string, fallback: number) =>
  z.coerce
    .number({ message: `${variable} must be a number` })
    .positive(`${variable} must be above 0`)
    .default(fallback);

/** The Standard Webhooks schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h. */
export const STANDARD_SCHEDULE = "0,5,300,1800,7200,18000,36000,50400,72000,86400";

/** How outbound webhooks are delivered; read once at start, every variable validated. */
export function outboundConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      WEBHOOK_RETRY_SCHEDULE: secondsList("WEBHOOK_RETRY_SCHEDULE", STANDARD_SCHEDULE),
      WEBHOOK_TIMEOUT_SECONDS: positive("WEBHOOK_TIMEOUT_SECONDS", 15),
      WEBHOOK_ROTATION_OVERLAP_SECONDS: positive("WEBHOOK_ROTATION_OVERLAP_SECONDS", DAY),
      WEBHOOK_DISABLE_AFTER_SECONDS: positive("WEBHOOK_DISABLE_AFTER_SECONDS", 5 * DAY),
      WEBHOOK_PROBE_INTERVAL_SECONDS: positive("WEBHOOK_PROBE_INTERVAL_SECONDS", 3_600),
      WEBHOOK_POLL_MS: positive("WEBHOOK_POLL_MS", 250),
      WEBHOOK_CONCURRENCY: positive("WEBHOOK_CONCURRENCY", 32),
      WEBHOOK_ALLOW_HTTP: z
        .enum(["true", "false"], { message: "WEBHOOK_ALLOW_HTTP must be true or false" })
        .default("false"),
      WEBHOOK_ALLOWED_NETWORKS: z.string().default(""),
    },
    env,
  );
  return {
    schedule: config.WEBHOOK_RETRY_SCHEDULE,
    timeoutMs: config.WEBHOOK_TIMEOUT_SECONDS * 1_000,
    rotationOverlapMs: config.WEBHOOK_ROTATION_OVERLAP_SECONDS * 1_000,
    disableAfterMs: config.WEBHOOK_DISABLE_AFTER_SECONDS * 1_000,
    probeIntervalMs: config.WEBHOOK_PROBE_INTERVAL_SECONDS * 1_000,
    pollMs: config.WEBHOOK_POLL_MS,
    concurrency: Math.floor(config.WEBHOOK_CONCURRENCY),
    allowHttp: config.WEBHOOK_ALLOW_HTTP === "true",
    allowedNetworks: parseNetworks(config.WEBHOOK_ALLOWED_NETWORKS, "WEBHOOK_ALLOWED_NETWORKS"),
  };
}

export type OutboundConfig = ReturnType<typeof outboundConfig>;
