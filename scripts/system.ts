// Starts the whole hub as separate processes: nats-server (unless given), the services, the gateway.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BusUnreachableError, connectBus } from "@waybill/bus";
import { freePorts, type NatsServerProcess, startNatsServer } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { ensureLocalSecrets } from "./secrets.ts";
import { defaultUrl, GATEWAY_PORT, SUBGRAPHS, type SubgraphName } from "./subgraphs.ts";

const ROOT = resolve(import.meta.dirname, "..");

export interface SystemOptions {
  /** Holds `data/` (the embedded databases) and `nats/` (JetStream) unless NATS_URL is given. */
  dataDir: string;
  /** An external NATS; when absent a nats-server is started under `dataDir/nats`. */
  natsUrl?: string;
  /** "default": 4000 for the gateway and 4001-4005; "free": any free ports (tests). */
  ports: "default" | "free";
  logLevel?: string;
  /** Where each process's output goes. */
  output: (process: string, line: string) => void;
  /** Extra environment for every process. */
  env?: NodeJS.ProcessEnv;
  /**
   * More gateways beside the first, each with its own port and data (so callers authenticate
   * with tokens there, not the first gateway's API keys), over the same subgraphs and broker.
   */
  moreGateways?: number;
}

export interface ManagedProcess {
  readonly name: string;
  readonly url: string;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts it again with the same port and data, and waits until it is ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Freezes the process (SIGSTOP) or lets it go on (SIGCONT): a consumer that is slow, not dead. */
  pause(): void;
  resume(): void;
}

export interface RunningSystem {
  gatewayUrl: string;
  /** An admin API key for the gateway, kept in `dataDir/secrets/admin-api-key`. */
  adminApiKey: string;
  /** The key the gateway signs subgraph calls with, for tools that must pose as the gateway. */
  signingKeyFile: string;
  natsUrl: string;
  nats: NatsServerProcess | null;
  services: Record<SubgraphName, ManagedProcess>;
  gateway: ManagedProcess;
  /** The gateways asked for beside the first (`moreGateways`). */
  moreGateways: ManagedProcess[];
  /** Called with the process name when one exits without being asked to. */
  onUnexpectedExit(listener: (name: string, code: number | null) => void): void;
  stop(): Promise<void>;
}

async function waitReady(
  url: string,
  child: () => ChildProcess | null,
  name: string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const current = child();
    if (!current || current.exitCode !== null) throw new Error(`${name} exited while starting`);
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${name} was not ready at ${url} within 60 s`);
}

/** Fails within seconds, naming NATS_URL, when the NATS server it names does not answer. */
async function reachable(natsUrl: string): Promise<void> {
  const logger = createLogger("start", "silent");
  try {
    const bus = await connectBus({
      servers: natsUrl,
      name: "start",
      logger,
      connectTimeoutMs: 5_000,
    });
    await bus.close();
  } catch (error) {
    if (error instanceof BusUnreachableError) {
      throw new Error(`NATS_URL: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/** Starts every process and resolves once all are ready. */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const dataDir = resolve(options.dataDir);
  await mkdir(join(dataDir, "data"), { recursive: true });
  const given = { ...process.env, ...options.env };
  const secrets = await ensureLocalSecrets(dataDir, join(dataDir, "data"), given.MONGODB_URL);
  // A signing key from the environment wins over the generated one.
  const shared: NodeJS.ProcessEnv =
    given.INTERNAL_SIGNING_KEY || given.INTERNAL_SIGNING_KEY_FILE
      ? {}
      : { INTERNAL_SIGNING_KEY_FILE: secrets.signingKeyFile };
  if (options.natsUrl) await reachable(options.natsUrl);
  const nats = options.natsUrl ? null : await startNatsServer({ storeDir: join(dataDir, "nats") });
  const natsUrl = options.natsUrl ?? nats?.url ?? "";
  // Tools and scripts find the broker of this hub here (its port changes at every start).
  await writeFile(join(dataDir, "nats-url"), `${natsUrl}\n`);
  const listeners: ((name: string, code: number | null) => void)[] = [];
  const managed: ManagedProcess[] = [];

  const launch = (
    name: string,
    script: string,
    port: number,
    readyPath: string,
    env: NodeJS.ProcessEnv,
  ) => {
    let child: ChildProcess | null = null;
    let expectedExit = false;
    const base = `http://127.0.0.1:${port}`;
    const start = async () => {
      expectedExit = false;
      const proc = spawn(process.execPath, [join(ROOT, script)], {
        cwd: ROOT,
        env: {
          ...process.env,
          ...shared,
          ...options.env,
          ...env,
          PORT: String(port),
          LOG_LEVEL: options.logLevel ?? "info",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = proc;
      for (const stream of [proc.stdout, proc.stderr]) {
        let pending = "";
        stream.on("data", (chunk: Buffer) => {
          const lines = (pending + chunk.toString()).split("\n");
          pending = lines.pop() ?? "";
          for (const line of lines) options.output(name, line);
        });
      }
      proc.once("exit", (code) => {
        // Exit code 0 is a graceful stop (for example Ctrl-C reaching the whole process group).
        if (!expectedExit && code !== 0) listeners.forEach((listener) => listener(name, code));
      });
      await waitReady(base + readyPath, () => child, name);
    };
    const signal = async (sig: NodeJS.Signals) => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      expectedExit = true;
      const exited = new Promise((done) => proc.once("exit", done));
      proc.kill(sig);
      const timer = setTimeout(() => proc.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    };
    const handle: ManagedProcess = {
      name,
      url: `${base}/graphql`,
      start,
      kill: () => signal("SIGKILL"),
      stop: () => signal("SIGTERM"),
      pause: () => void child?.kill("SIGSTOP"),
      resume: () => void child?.kill("SIGCONT"),
    };
    managed.push(handle);
    return handle;
  };

  const stopAll = async () => {
    for (const proc of [...managed].reverse()) await proc.stop();
    await nats?.stop();
  };

  try {
    const services = {} as Record<SubgraphName, ManagedProcess>;
    const urls: NodeJS.ProcessEnv = {};
    const extra = options.moreGateways ?? 0;
    const defaults = [
      ...SUBGRAPHS.map(({ port }) => port),
      ...Array.from({ length: extra + 1 }, (_, i) => GATEWAY_PORT + 100 * i),
    ];
    const ports = options.ports === "free" ? await freePorts(defaults.length) : defaults;
    const portOf = (index: number) => ports[index] ?? defaults[index] ?? 0;
    const gatewayPort = portOf(SUBGRAPHS.length);
    for (const [index, { name }] of SUBGRAPHS.entries()) {
      const chosen = portOf(index);
      services[name] = launch(name, `services/${name}/src/main.ts`, chosen, "/readyz", {
        NATS_URL: natsUrl,
        DATA_DIR: join(dataDir, "data"),
        // The integrations service reaches the hub through the gateway's supergraph.
        GATEWAY_URL: defaultUrl(gatewayPort),
      });
      if (options.ports === "free") urls[`SUBGRAPH_${name.toUpperCase()}_URL`] = defaultUrl(chosen);
    }
    await Promise.all(Object.values(services).map((service) => service.start()));
    const gateway = launch("gateway", "gateway/src/main.ts", gatewayPort, "/healthz", {
      ...urls,
      DATA_DIR: join(dataDir, "data"),
      NATS_URL: natsUrl,
    });
    await gateway.start();
    const moreGateways = Array.from({ length: extra }, (_, i) =>
      launch(
        `gateway-${i + 2}`,
        "gateway/src/main.ts",
        portOf(SUBGRAPHS.length + 1 + i),
        "/healthz",
        {
          ...urls,
          DATA_DIR: join(dataDir, `gateway-${i + 2}`),
          NATS_URL: natsUrl,
        },
      ),
    );
    await Promise.all(moreGateways.map((more) => more.start()));
    return {
      gatewayUrl: gateway.url,
      adminApiKey: secrets.adminApiKey,
      signingKeyFile: secrets.signingKeyFile,
      natsUrl,
      nats,
      services,
      gateway,
      moreGateways,
      onUnexpectedExit: (listener) => listeners.push(listener),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
