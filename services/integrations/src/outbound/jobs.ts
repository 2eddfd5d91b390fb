import type { BackgroundJob } from "@waybill/service";
import { deliverDue, probeDisabled } from "./deliver.ts";
import type { Outbound } from "./outbound.ts";

/** Passes over due deliveries; a pass that found work is followed by another at once. */
async function drain(outbound: Outbound): Promise<void> {
  while ((await deliverDue(outbound.delivery)) > 0);
}

/** The delivery loop and the probe of disabled endpoints. */
export function outboundJobs(outbound: Outbound): BackgroundJob[] {
  return [
    { name: "webhook-delivery", intervalMs: outbound.config.pollMs, run: () => drain(outbound) },
    {
      name: "webhook-probe",
      intervalMs: Math.min(outbound.config.probeIntervalMs, 60_000),
      run: () => probeDisabled(outbound.delivery),
    },
  ];
}
