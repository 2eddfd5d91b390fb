import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSystem, type RunningSystem } from "../../scripts/system.ts";

export interface TestSystem extends RunningSystem {
  /** Holds `data/` (each service's embedded database) and `nats/`. */
  dataDir: string;
  /** Output lines of every process, for assertions about logs. */
  logs: { process: string; line: string }[];
  dispose(): Promise<void>;
}

/**
 * The real hub (nats-server, five subgraphs, gateway) on free ports with a fresh data directory.
 * `env` adds settings for every process (for example a short proof-of-delivery grace period).
 */
export async function startTestSystem(env: NodeJS.ProcessEnv = {}): Promise<TestSystem> {
  const dataDir = await mkdtemp(join(tmpdir(), "waybill-e2e-"));
  const logs: TestSystem["logs"] = [];
  const unexpected: string[] = [];
  try {
    const system = await startSystem({
      dataDir,
      ports: "free",
      logLevel: "info",
      env,
      output: (name, line) => {
        logs.push({ process: name, line });
        if (process.env.WAYBILL_TEST_LOGS) console.log(`[${name}] ${line}`);
      },
    });
    system.onUnexpectedExit((name, code) => unexpected.push(`${name} exited with ${code}`));
    return {
      ...system,
      dataDir,
      logs,
      async dispose() {
        await system.stop();
        await rm(dataDir, { recursive: true, force: true });
        if (unexpected.length)
          throw new Error(`processes died during the test: ${unexpected.join(", ")}`);
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
