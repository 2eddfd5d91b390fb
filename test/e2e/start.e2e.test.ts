// `npm start` and the processes it runs: how they start, fail to start, and stop.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort, waitFor } from "@waybill/devtools";
import { describe, expect, it, onTestFinished } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const SIGNING_KEY = "k".repeat(48);

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Runs a script of the repository as its own process group, as a terminal runs a command; a
 * variable set to undefined is left out of its environment.
 */
async function run(script: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), "waybill-start-"));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    detached: true,
    env: Object.fromEntries(
      Object.entries({
        ...process.env,
        WAYBILL_DATA_DIR: dataDir,
        DATA_DIR: join(dataDir, "data"),
        ...env,
      }).filter(([, value]) => value !== undefined),
    ),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  onTestFinished(() => {
    // Whatever the test left running goes with it, the whole group.
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  });
  return { child, output: () => output, exited };
}

const deadUrl = async (scheme: string) => `${scheme}://127.0.0.1:${await freePort()}`;

const processGroupOf = (pid: number) =>
  Number(execFileSync("ps", ["-o", "pgid=", "-p", String(pid)], { encoding: "utf8" }).trim());

describe("npm start", () => {
  it("stops on Ctrl-C without reporting a failure: the services first, its own broker last", async () => {
    const { child, output, exited } = await run("scripts/start.ts", {
      WAYBILL_PORTS: "free",
      NATS_URL: undefined,
      LOG_LEVEL: undefined,
    });
    await waitFor(() => output().includes("Press Ctrl-C to stop"), {
      description: "the hub to run",
      timeoutMs: 120_000,
      intervalMs: 200,
    });
    const dataDir = /with its data in (\S+)\./.exec(output())?.[1] ?? "";
    const natsUrl = (await readFile(join(dataDir, "nats-url"), "utf8")).trim();
    expect(output()).toContain(natsUrl);
    // The broker is in a process group of its own: the terminal's Ctrl-C does not reach it.
    const brokerPid = Number(
      execFileSync("pgrep", ["-f", `nats-server.*${join(dataDir, "nats")}`], { encoding: "utf8" })
        .trim()
        .split("\n")[0],
    );
    expect(processGroupOf(brokerPid)).not.toBe(child.pid);
    process.kill(-(child.pid ?? 0), "SIGINT");
    expect(await exited).toBe(0);
    expect(output()).toContain("stopped.");
    expect(output()).not.toMatch(/exited unexpectedly|RequestError|connection disconnected/);
    await waitFor(
      () => {
        try {
          process.kill(brokerPid, 0);
          return false;
        } catch {
          return true;
        }
      },
      { description: "the broker to be stopped" },
    );
  });

  it("says within seconds that the NATS server NATS_URL names cannot be reached", async () => {
    const natsUrl = await deadUrl("nats");
    const started = Date.now();
    const { output, exited } = await run("scripts/start.ts", { NATS_URL: natsUrl });
    expect(await exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(output()).toContain(`NATS_URL: cannot reach NATS at ${natsUrl}`);
  });
});

describe("a process whose dependency does not answer", () => {
  const base = { PORT: "0", INTERNAL_SIGNING_KEY: SIGNING_KEY, CONNECT_TIMEOUT_SECONDS: "2" };

  it.each([
    ["services/returns/src/main.ts", "returns"],
    ["gateway/src/main.ts", "gateway"],
  ])("%s refuses to start within seconds, naming NATS_URL", async (script, name) => {
    const natsUrl = await deadUrl("nats");
    const { output, exited } = await run(script, { ...base, NATS_URL: natsUrl });
    expect(await exited).toBe(1);
    expect(output()).toContain(`${name}: NATS_URL: cannot reach NATS at ${natsUrl} within 2 s`);
  });

  it("refuses to start within seconds, naming MONGODB_URL", async () => {
    const mongoUrl = `${await deadUrl("mongodb")}/?directConnection=true`;
    const { output, exited } = await run("services/returns/src/main.ts", {
      ...base,
      NATS_URL: "nats://127.0.0.1:4222",
      MONGODB_URL: mongoUrl,
    });
    expect(await exited).toBe(1);
    expect(output()).toMatch(
      /returns: MONGODB_URL: cannot reach MongoDB at mongodb:\/\/127\.0\.0\.1:\d+/,
    );
  });
});
