import { readConfig } from "@waybill/config";
import { z } from "zod";

/** Billing's own settings, read once at start-up. */
export function billingConfig(env: NodeJS.ProcessEnv = process.env) {
  return readConfig(
    {
      /** How long after DELIVERED a proof-of-delivery customer's invoice waits for the proof. */
      POD_GRACE_SECONDS: z.coerce
        .number()
        .int()
        .positive()
        .default(48 * 3600),
    },
    env,
  );
}
