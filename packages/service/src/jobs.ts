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

/** Which instance runs a job when a service runs several (see the bus's `leases`). */
export interface JobLeases {
  hold(name: string, ttlMs: number): Promise<boolean>;
  releaseAll(): Promise<void>;
}

/**
 * How long an instance that stopped renewing keeps a job: three runs' time, and never under ten
 * seconds, so that a busy instance renewing a little late does not lose it.
 */
export const leaseMs = (job: BackgroundJob) => Math.max(10_000, 3 * job.intervalMs);

/**
 * Runs each job every `intervalMs` until stopped; a failing run is logged and retried next time.
 * Runs never overlap, and `stop()` waits for the one in flight. With `leases`, a job runs only in
 * the instance holding its lease, so it runs once however many instances of the service there
 * are; a graceful stop gives the leases up for another instance to take at once.
 */
export function startJobs(jobs: BackgroundJob[], logger: Logger, leases?: JobLeases): RunningJobs {
  const controller = new AbortController();
  const loops = jobs.map(async (job) => {
    while (!controller.signal.aborted) {
      await sleep(job.intervalMs, undefined, { signal: controller.signal }).catch(() => undefined);
      if (controller.signal.aborted) return;
      if (leases && !(await leases.hold(job.name, leaseMs(job)))) continue;
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
      await leases?.releaseAll();
    },
  };
}
