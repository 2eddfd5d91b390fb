// Starts bench/hive-gateway.ts as a child process over the hub's subgraphs.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "@waybill/devtools";
import type { SubgraphName } from "../../scripts/subgraphs.ts";
import { ROOT } from "./machine.ts";

export interface HiveGateway {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts Hive Gateway; it signs its subgraph calls with the key in `signingKeyFile`, as ours does. */
export async function startHiveGateway(
  subgraphUrls: Record<SubgraphName, string>,
  signingKeyFile: string,
): Promise<HiveGateway> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  // As in scripts/system.ts, a signing key from the environment wins over the generated one.
  if (!env.INTERNAL_SIGNING_KEY && !env.INTERNAL_SIGNING_KEY_FILE)
    env.INTERNAL_SIGNING_KEY_FILE = signingKeyFile;
  for (const [name, url] of Object.entries(subgraphUrls))
    env[`SUBGRAPH_${name.toUpperCase()}_URL`] = url;
  const child = spawn(process.execPath, [join(ROOT, "bench", "hive-gateway.ts")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("Hive Gateway exited while starting");
    const ready = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error("Hive Gateway not ready within 60 s");
    await sleep(100);
  }
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
