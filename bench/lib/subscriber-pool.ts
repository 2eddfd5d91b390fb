// The driver's side of bench/lib/subscribers.ts: starts the child and asks it one thing at a time.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import type { Command, Open, Tally } from "./subscribers.ts";

export interface SubscriberPool {
  pid: number;
  open(command: Omit<Open, "op">): Promise<void>;
  status(): Promise<Tally>;
  /** The tally since the last reset, with latencies, and starts counting again. */
  reset(): Promise<Tally>;
  /** Waits until `done` holds for the tally (polling), or fails after `timeoutMs`. */
  until(done: (tally: Tally) => boolean, timeoutMs: number, description: string): Promise<Tally>;
  /** Ends every subscription and closes every connection. */
  close(): Promise<void>;
  stop(): void;
}

/** Starts the subscribers' child process. */
export function startSubscriberPool(): SubscriberPool {
  const child = spawn(process.execPath, [new URL("./subscribers.ts", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async <T>(command: Command): Promise<T> => {
    child.stdin.write(`${JSON.stringify(command)}\n`);
    const { value, done } = await lines.next();
    if (done) throw new Error("the subscribers' process ended");
    return JSON.parse(value) as T;
  };
  const status = () => ask<Tally>({ op: "status" });
  return {
    pid: child.pid ?? 0,
    open: async (command) => void (await ask({ op: "open", ...command })),
    status,
    reset: () => ask<Tally>({ op: "reset" }),
    async until(done, timeoutMs, description) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const tally = await status();
        if (done(tally)) return tally;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${description}: ${JSON.stringify(tally)}`);
        await sleep(100);
      }
    },
    close: async () => void (await ask({ op: "close" })),
    stop: () => void child.kill(),
  };
}
