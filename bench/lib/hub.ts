// The hub as separate processes (scripts/system.ts), in a temp folder, on free ports.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSystem, type RunningSystem } from "../../scripts/system.ts";
import { SUBGRAPHS, type SubgraphName } from "../../scripts/subgraphs.ts";
import type { Endpoint } from "./graphql.ts";
import { childrenByScript, type Watched } from "./procs.ts";

export interface Hub {
  system: RunningSystem;
  /** Our gateway's GraphQL URL with the admin API key (`authorization: Bearer …`) it requires. */
  gateway: Endpoint;
  subgraphUrls: Record<SubgraphName, string>;
  /** The processes to measure: nats-server, the five subgraphs and our gateway. */
  processes(): Watched[];
  /** Warnings and errors the processes logged, kept for the report. */
  problems: string[];
  stop(): Promise<void>;
}

const SCRIPTS: Record<string, string> = {
  gateway: "gateway/src/main.ts",
  ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, `services/${name}/src/main.ts`])),
};

/**
 * Starts nats-server, the five subgraphs and our gateway with their data in a fresh temp folder,
 * the gateway's rate limit off (a benchmark is one client sending as fast as it can).
 * With BENCH_CPU_PROF=<dir> every Node process writes a V8 CPU profile there when it stops
 * (read them with `node bench/profile-summary.ts <file>`).
 */
export async function startHub(extraEnv: NodeJS.ProcessEnv = {}): Promise<Hub> {
  // BENCH_DATA_DIR=/dev/shm puts the databases (and JetStream) on tmpfs, where fsync costs nothing:
  // a diagnostic for how much of a figure the disk accounts for.
  const dataDir = await mkdtemp(join(process.env.BENCH_DATA_DIR ?? tmpdir(), "waybill-bench-"));
  const profileDir = process.env.BENCH_CPU_PROF;
  const env: NodeJS.ProcessEnv = {
    ...extraEnv,
    RATE_LIMIT_REQUESTS: "0",
    ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
  };
  const problems: string[] = [];
  const system = await startSystem({
    dataDir,
    ports: "free",
    logLevel: "warn",
    env,
    output: (name, line) => {
      if (line.trim() === "") return;
      if (problems.length < 200) problems.push(`${name}: ${line.slice(0, 300)}`);
    },
  });
  system.onUnexpectedExit((name, code) => {
    console.error(`${name} exited unexpectedly with code ${String(code)}`);
  });
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, system.services[name].url]),
  ) as Record<SubgraphName, string>;
  return {
    system,
    gateway: {
      url: system.gatewayUrl,
      headers: { authorization: `Bearer ${system.adminApiKey}` },
    },
    subgraphUrls,
    problems,
    processes: () => [
      ...(system.nats ? [{ label: "nats-server", pid: system.nats.pid }] : []),
      ...childrenByScript(SCRIPTS),
    ],
    async stop() {
      await system.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
