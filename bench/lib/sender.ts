// Sends requests over kept-alive connections: closed loop (N in flight) or open loop (fixed rate).
import { Agent, request } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

export interface Reply {
  status: number;
  body: string;
}

/** A JSON POST client with its own pool of kept-alive connections. */
export function jsonPoster(maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const post = (url: string, body: string, headers: Record<string, string>) =>
    new Promise<Reply>((resolve, reject) => {
      const outgoing = request(
        url,
        {
          agent,
          method: "POST",
          headers: {
            ...headers,
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(body)),
          },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("error", reject);
          incoming.on("end", () =>
            resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** Runs `send` for every item with `concurrency` in flight; resolves when all have answered. */
export async function closedLoop<T>(
  items: T[],
  concurrency: number,
  send: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await send(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Starts `send` for item i at `i / ratePerSecond` seconds, whether or not earlier ones have
 * answered (arrivals do not wait for the system, as a WMS's would not); resolves when all answered.
 */
export async function openLoop<T>(
  items: T[],
  ratePerSecond: number,
  send: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (const [index, item] of items.entries()) {
    const due = started + (index * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(send(item, index));
  }
  await Promise.all(inFlight);
}
