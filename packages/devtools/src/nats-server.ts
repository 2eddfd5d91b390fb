import { spawn, type ChildProcess } from "node:child_process";
import { access, constants } from "node:fs/promises";
import { createServer, connect as tcpConnect } from "node:net";
import { delimiter, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface NatsServerOptions {
  /** JetStream store directory; kept across `restart()`. */
  storeDir: string;
  /** 0 or undefined picks a free port. */
  port?: number;
  host?: string;
}

/** A nats-server child process with JetStream enabled. */
export interface NatsServerProcess {
  readonly url: string;
  readonly port: number;
  /** pid of the current process (changes on restart). */
  readonly pid: number;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>;
  /** SIGKILL (a crash), then waits for the process to exit. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and store directory. */
  restart(): Promise<void>;
}

/** Thrown when no nats-server binary can be found; says how to install it. */
export class NatsServerNotFoundError extends Error {
  constructor() {
    super(
      "nats-server not found on PATH or in /usr/sbin: install it with `apt-get install nats-server`",
    );
    this.name = "NatsServerNotFoundError";
  }
}

const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;
const running = new Set<ChildProcess>();
// A crashed test runner must not leave servers behind.
process.once("exit", () => running.forEach((child) => child.kill("SIGKILL")));

const SEARCH_PATH = [process.env.PATH ?? "", "/usr/sbin", "/usr/local/bin", "/usr/bin"].join(
  delimiter,
);

/** Finds the nats-server binary on `searchPath` (PATH, then the usual system directories). */
export async function findNatsServer(searchPath: string = SEARCH_PATH): Promise<string> {
  for (const dir of searchPath.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, "nats-server");
    const found = await access(candidate, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (found) return candidate;
  }
  throw new NatsServerNotFoundError();
}

/** Asks the OS for a free TCP port on `host`. */
export async function freePort(host = "127.0.0.1"): Promise<number> {
  const [port] = await freePorts(1, host);
  if (port === undefined) throw new Error("could not allocate a free port");
  return port;
}

/**
 * Asks the OS for `count` distinct free TCP ports on `host`. Every port stays bound until all are
 * chosen: asked one at a time, the OS may hand out a port it just gave back (about 1 in 300 sets
 * of seven here), and two processes would then race for it.
 */
export async function freePorts(count: number, host = "127.0.0.1"): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once("error", reject);
            server.listen(0, host, () => {
              const address = server.address();
              if (address === null || typeof address === "string")
                reject(new Error("could not allocate a free port"));
              else resolve(address.port);
            });
          }),
      ),
    );
  } finally {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) =>
            server.listening ? server.close(() => resolve()) : resolve(),
          ),
      ),
    );
  }
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const hasExited = (child: ChildProcess): boolean =>
  child.exitCode !== null || child.signalCode !== null;

async function launch(
  binary: string,
  host: string,
  port: number,
  storeDir: string,
): Promise<ChildProcess> {
  const child = spawn(binary, ["-js", "-a", host, "-p", String(port), "-sd", storeDir], {
    stdio: ["ignore", "ignore", "pipe"],
    // Its own process group: a Ctrl-C at the terminal reaches the services, which stop while the
    // broker is still there; the broker is stopped last, by whoever started it.
    detached: true,
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child))
      throw new Error(`nats-server exited before accepting connections:\n${log}`);
    if (await accepts(host, port)) return child;
    await sleep(50);
  }
  child.kill("SIGKILL");
  throw new Error(
    `nats-server not accepting connections on ${host}:${port} after ${READY_TIMEOUT_MS} ms:\n${log}`,
  );
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (hasExited(child)) return;
  const exit = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exit;
  clearTimeout(timer);
}

/** Spawns `nats-server -js` and resolves once it accepts TCP connections. */
export async function startNatsServer(options: NatsServerOptions): Promise<NatsServerProcess> {
  const binary = await findNatsServer();
  const host = options.host ?? "127.0.0.1";
  const port = options.port || (await freePort(host));
  const start = () => launch(binary, host, port, options.storeDir);
  let child = await start();
  return {
    url: `nats://${host}:${port}`,
    port,
    get pid() {
      return child.pid ?? -1;
    },
    stop: () => terminate(child, "SIGTERM"),
    kill: () => terminate(child, "SIGKILL"),
    async restart() {
      await terminate(child, "SIGTERM");
      child = await start();
    },
  };
}
