import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type Bus, connectBus, leases } from "@waybill/bus";
import { startTestNats, waitFor, type TestNats } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BackgroundJob, type RunningJobs, startJobs } from "../src/jobs.ts";

// Two instances of one service, each with its own connection to a real nats-server, running the
// same job: it runs in one of them only, and the other takes over when that one goes.
const logger = createLogger("test", "silent");
let nats: TestNats;
const open: { bus: Bus; jobs: RunningJobs }[] = [];

beforeAll(async () => {
  nats = await startTestNats();
});

afterEach(async () => {
  for (const { bus, jobs } of open.splice(0)) {
    await jobs.stop();
    await bus.close();
  }
});

afterAll(async () => {
  await nats?.stop();
});

/** An instance of the service `billing` in `namespace`, running `job` as instance `name`. */
async function instance(namespace: string, name: string, job: (by: string) => BackgroundJob) {
  const bus = await connectBus({
    servers: nats.url,
    name,
    logger,
    namespace,
    connectTimeoutMs: 5_000,
  });
  const jobs = startJobs([job(name)], logger, await leases(bus, "billing", name));
  const running = { bus, jobs };
  open.push(running);
  return running;
}

describe("background jobs across instances", () => {
  it("run in one instance at a time, the other taking over once it stops", async () => {
    const namespace = `t${randomBytes(5).toString("hex")}`;
    const runs: string[] = [];
    const sweep = (by: string): BackgroundJob => ({
      name: "pod-sweep",
      intervalMs: 20,
      run: () => {
        runs.push(by);
        return Promise.resolve();
      },
    });
    const first = await instance(namespace, "first", sweep);
    await waitFor(() => runs.length > 0, { description: "the first run" });
    await instance(namespace, "second", sweep);
    await sleep(600);
    // Only the holder ran: never both in the same stretch of time.
    const holder = runs[0];
    expect(runs.length).toBeGreaterThan(10);
    expect(new Set(runs)).toEqual(new Set([holder]));
    // The holder stops (a graceful stop gives the lease up); the other runs the job from then on.
    await first.jobs.stop();
    const stoppedAt = runs.length;
    await waitFor(() => runs.slice(stoppedAt).length > 5, { description: "the second's runs" });
    expect(new Set(runs.slice(stoppedAt))).toEqual(new Set(["second"]));
  });

  it("take over from an instance killed holding the lease once the lease runs out", async () => {
    const namespace = `t${randomBytes(5).toString("hex")}`;
    const bus = await connectBus({
      servers: nats.url,
      name: "killed",
      logger,
      namespace,
      connectTimeoutMs: 5_000,
    });
    // The killed instance took the lease and never renewed it, nor gave it up.
    const killed = await leases(bus, "billing", "killed");
    expect(await killed.hold("pod-sweep", 1_000)).toBe(true);
    await bus.close();
    const other = await connectBus({
      servers: nats.url,
      name: "other",
      logger,
      namespace,
      connectTimeoutMs: 5_000,
    });
    const survivor = await leases(other, "billing", "other");
    expect(await survivor.hold("pod-sweep", 1_000)).toBe(false);
    await sleep(1_100);
    expect(await survivor.hold("pod-sweep", 1_000)).toBe(true);
    await other.close();
  });
});
