import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { subscribe, type ExecutionResult } from "graphql";
import type { Logger } from "@waybill/observability";
import type { SubscriptionArgs } from "./prepare.ts";

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/**
 * Runs a prepared subscription and writes its results as Server-Sent Events: `event: next` with
 * the result and `id: <cursor>`, then `event: complete`. The next result is read only once the
 * previous one was written out, so a slow reader paces its subscription; closing the response
 * stops it at once.
 */
export async function serveEventStream(
  args: SubscriptionArgs,
  res: ServerResponse,
  logger: Logger,
): Promise<void> {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  res.flushHeaders();
  const write = async (chunk: string) => {
    if (res.destroyed || res.writableEnded) return;
    if (!res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
  };
  const next = (result: ExecutionResult) => {
    const { cursor } = args.contextValue;
    const id = cursor === undefined ? "" : `id: ${cursor}\n`;
    return write(`${id}event: next\ndata: ${JSON.stringify(result)}\n\n`);
  };
  const heartbeat = setInterval(() => void write(":\n\n"), HEARTBEAT_MS).unref();
  try {
    const results = await subscribe(args);
    if (!(Symbol.asyncIterator in results)) await next(results);
    else {
      const stop = () => void results.return?.();
      res.once("close", stop);
      try {
        for await (const result of results) {
          if (res.destroyed) break;
          await next(result);
        }
      } finally {
        res.off("close", stop);
      }
    }
    await write("event: complete\ndata:\n\n");
  } catch (error) {
    logger.error({ err: error }, "subscription stream failed");
  } finally {
    clearInterval(heartbeat);
    if (!res.writableEnded) res.end();
  }
}
