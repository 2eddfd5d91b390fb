import { existsSync } from "node:fs";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { findNatsServer, NatsServerNotFoundError } from "../src/nats-server.ts";
import { startTestNats } from "../src/index.ts";

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("nats-server process", () => {
  it("says how to install nats-server when it is missing", async () => {
    const missing = findNatsServer("/nonexistent");
    await expect(missing).rejects.toBeInstanceOf(NatsServerNotFoundError);
    await expect(missing).rejects.toThrow("apt-get install nats-server");
  });

  it("starts on a free port, survives kill and restart on the same port, and cleans up", async () => {
    const nats = await startTestNats();
    const { server } = nats;
    expect(nats.url).toBe(`nats://127.0.0.1:${server.port}`);
    expect(await accepts(server.port)).toBe(true);
    const firstPid = server.pid;
    await server.kill();
    expect(alive(firstPid)).toBe(false);
    expect(await accepts(server.port)).toBe(false);
    await server.restart();
    expect(server.pid).not.toBe(firstPid);
    expect(await accepts(server.port)).toBe(true);
    await nats.stop();
    expect(await accepts(server.port)).toBe(false);
    expect(existsSync(nats.storeDir)).toBe(false);
  });
});
