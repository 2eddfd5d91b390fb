import { setTimeout as sleep } from "node:timers/promises";
import { randomUUID } from "node:crypto";
import { type Logger, runWithContext } from "@waybill/observability";

/** Work a service does on a timer (sweeps for deadlines, for example). */
export interface BackgroundJob {
  name: string;
  intervalMs: number;
  run(): Promise<void>;
}

export interface RunningJobs {
  stop(): Promise<void>;
}

/**
 * Runs each job every `intervalMs` until stopped; a failing run is logged and retried next time.
 * Runs never overlap, and `stop()` waits for the one in flight.
 */
export function startJobs(jobs: BackgroundJob[], logger: Logger): RunningJobs {
  const controller = new AbortController();
  const loops = jobs.map(async (job) => {
    while (!controller.signal.aborted) {
      await sleep(job.intervalMs, undefined, { signal: controller.signal }).catch(() => undefined);
      if (controller.signal.aborted) return;
      await runWithContext({ correlationId: `job-${job.name}-${randomUUID()}` }, () =>
        job.run(),
      ).catch((error: unknown) => {
        logger.error(
          { err: error, job: job.name },
          "background job failed; retrying next interval",
        );
      });
    }
  });
  return {
    async stop() {
      controller.abort();
      await Promise.all(loops);
    },
  };
}
