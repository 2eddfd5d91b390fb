import { readConfig } from "@waybill/config";
import { z } from "zod";

/** Shipments' own settings, read once at start-up. */
export function shipmentsConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = readConfig(
    {
      /**
       * How far ahead of this service's clock a reported instant (a milestone's occurrence, a
       * shipment's departure) may be: carriers' clocks drift a little; a larger lead is a mistake.
       */
      CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
    },
    env,
  );
  return { clockSkewMs: config.CLOCK_SKEW_SECONDS * 1_000 };
}

export type ShipmentsConfig = ReturnType<typeof shipmentsConfig>;
