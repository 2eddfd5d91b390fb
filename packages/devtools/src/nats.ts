import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startNatsServer, type NatsServerProcess } from "./nats-server.ts";

/** A throwaway nats-server for one test suite. */
export interface TestNats {
  readonly url: string;
  readonly server: NatsServerProcess;
  readonly storeDir: string;
  /** Stops the server and removes its store directory. */
  stop(): Promise<void>;
}

/** Starts nats-server with JetStream on a free port, storing into a fresh temp directory. */
export async function startTestNats(): Promise<TestNats> {
  const storeDir = await mkdtemp(join(tmpdir(), "waybill-nats-"));
  try {
    const server = await startNatsServer({ storeDir });
    return {
      url: server.url,
      server,
      storeDir,
      async stop() {
        await server.stop();
        await rm(storeDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(storeDir, { recursive: true, force: true });
    throw error;
  }
}
