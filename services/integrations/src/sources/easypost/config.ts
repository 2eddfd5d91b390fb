import { readConfig } from "@waybill/config";
import { z } from "zod";

/** EasyPost webhook settings, read once at start. No secret: the source is not offered. */
export interface EasyPostConfig {
  secret: string | null;
}

export function easyPostConfig(env: NodeJS.ProcessEnv): EasyPostConfig {
  const config = readConfig(
    {
      EASYPOST_WEBHOOK_SECRET: z
        .string()
        .min(
          16,
          "EASYPOST_WEBHOOK_SECRET must be the webhook_secret given to EasyPost (16 characters or more)",
        )
        .optional(),
    },
    env,
  );
  return { secret: config.EASYPOST_WEBHOOK_SECRET ?? null };
}
