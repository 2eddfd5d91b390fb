// A Node process's live heap after a full garbage collection, through its inspector: SIGUSR1
// opens the inspector on 127.0.0.1:9229, and the DevTools protocol collects garbage and reads
// process.memoryUsage(). Without the collection, heap figures of an idle process hold whatever
// garbage it left last, which swamps a few kB per subscription.
import { setTimeout as sleep } from "node:timers/promises";
import WebSocket from "ws";

export type Memory = { rssMiB: number; heapUsedMiB: number };

async function debuggerUrl(pid: number): Promise<string> {
  process.kill(pid, "SIGUSR1");
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const targets = await fetch("http://127.0.0.1:9229/json/list").then(
      (r) => r.json() as Promise<{ webSocketDebuggerUrl: string }[]>,
      () => [],
    );
    const url = targets[0]?.webSocketDebuggerUrl;
    if (url) return url;
    await sleep(100);
  }
  throw new Error(`no inspector for process ${pid} on 127.0.0.1:9229`);
}

/** Collects garbage in process `pid` and answers its resident set and heap in use, in MiB. */
export async function memoryAfterGc(pid: number): Promise<Memory> {
  const socket = new WebSocket(await debuggerUrl(pid));
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  let id = 0;
  type Reply = { id?: number; result?: { result?: { value?: string } } };
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Reply>((resolve) => {
      const mine = ++id;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse((data as Buffer).toString("utf8")) as Reply;
        if (message.id !== mine) return;
        socket.off("message", onMessage);
        resolve(message);
      };
      socket.on("message", onMessage);
      socket.send(JSON.stringify({ id: mine, method, params }));
    });
  await call("HeapProfiler.collectGarbage");
  const answer = await call("Runtime.evaluate", {
    expression: "JSON.stringify(process.memoryUsage())",
  });
  socket.close();
  const usage = JSON.parse(answer.result?.result?.value ?? "{}") as {
    rss: number;
    heapUsed: number;
  };
  return { rssMiB: usage.rss / 2 ** 20, heapUsedMiB: usage.heapUsed / 2 ** 20 };
}
