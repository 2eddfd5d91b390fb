import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type Logger, runWithContext } from "@waybill/observability";
import type { Reconciler } from "./reconciler.ts";

/**
 * Runs the reconciliation sweep every `intervalMs` (never when 0) until stopped. Sweeps never
 * overlap; a failing one is logged and tried again at the next interval.
 */
export function startSweeps(reconciler: Reconciler, intervalMs: number, logger: Logger) {
  const controller = new AbortController();
  const loop = (async () => {
    if (intervalMs === 0) return;
    while (!controller.signal.aborted) {
      await sleep(intervalMs, undefined, { signal: controller.signal }).catch(() => undefined);
      if (controller.signal.aborted) return;
      await runWithContext({ correlationId: `sweep-${randomUUID()}` }, () =>
        reconciler.sweep(),
      ).catch((error: unknown) => {
        logger.error({ err: error }, "reconciliation sweep failed; trying again next interval");
      });
    }
  })();
  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
