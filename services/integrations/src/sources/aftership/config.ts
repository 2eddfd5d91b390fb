import { readConfig } from "@waybill/config";
import { z } from "zod";

/** AfterShip webhook settings, read once at start. No secret: the source is not offered. */
export interface AfterShipConfig {
  secret: string | null;
}

export function afterShipConfig(env: NodeJS.ProcessEnv): AfterShipConfig {
  const config = readConfig(
    {
      AFTERSHIP_WEBHOOK_SECRET: z
        .string()
        .min(
          16,
          "AFTERSHIP_WEBHOOK_SECRET must be the webhook secret AfterShip shows (16 characters or more)",
        )
        .optional(),
    },
    env,
  );
  return { secret: config.AFTERSHIP_WEBHOOK_SECRET ?? null };
}
