import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSystem, type RunningSystem } from "../../scripts/system.ts";
import { useCredential } from "./graphql.ts";
import { testIdentities, type TestIdentities } from "./identities.ts";

export interface TestSystem extends RunningSystem {
  /** Holds `data/` (each service's embedded database) and `nats/`. */
  dataDir: string;
  /** Output lines of every process, for assertions about logs. */
  logs: { process: string; line: string }[];
  /** The identity provider the gateway trusts: mints a token for any role. */
  identities: TestIdentities;
  dispose(): Promise<void>;
}

/**
 * The real hub (nats-server, five subgraphs, gateway) on free ports with a fresh data directory.
 * `env` adds settings for every process (for example a short proof-of-delivery grace period).
 * Requests through `request`/`execute` to its gateway carry its admin API key unless they name
 * a credential of their own.
 */
export async function startTestSystem(
  env: NodeJS.ProcessEnv = {},
  options: { moreGateways?: number } = {},
): Promise<TestSystem> {
  const dataDir = await mkdtemp(join(tmpdir(), "waybill-e2e-"));
  const logs: TestSystem["logs"] = [];
  const unexpected: string[] = [];
  const identities = await testIdentities();
  try {
    const system = await startSystem({
      dataDir,
      ports: "free",
      logLevel: "info",
      ...options,
      // The suites drive thousands of requests with one key; the rate-limit test sets its own.
      env: { ...identities.env, RATE_LIMIT_REQUESTS: "0", ...env },
      output: (name, line) => {
        logs.push({ process: name, line });
        if (process.env.WAYBILL_TEST_LOGS) console.log(`[${name}] ${line}`);
      },
    });
    system.onUnexpectedExit((name, code) => unexpected.push(`${name} exited with ${code}`));
    useCredential(system.gatewayUrl, `Bearer ${system.adminApiKey}`);
    return {
      ...system,
      dataDir,
      logs,
      identities,
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
