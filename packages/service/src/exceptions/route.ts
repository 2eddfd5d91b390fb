import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { bufferedBody, requestPrincipal } from "@waybill/auth";
import type { ExceptionQueue } from "@waybill/bus";
import type { RequestHandler } from "@waybill/http";
import type { ReplayResult } from "@waybill/bus";

/** The internal path where a service serves its exception queue; the gateway is its only caller. */
export const EXCEPTIONS_PATH = "/internal/exceptions";

const request = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("list"),
    status: z.enum(["open", "retried", "resolved"]).nullish(),
    category: z.enum(["validation", "missing_reference", "conflict", "max_deliveries"]).nullish(),
    owner: z.enum(["operations", "finance", "master_data"]).nullish(),
    first: z.number().int().min(1).max(500).nullish(),
  }),
  z.object({ action: z.literal("retry"), id: z.string().min(1) }),
  z.object({
    action: z.literal("resolve"),
    id: z.string().min(1),
    comment: z.string().trim().min(1).max(500),
  }),
  z.object({
    action: z.literal("replay"),
    stream: z.string().regex(/^[a-z]+$/),
    fromSequence: z.number().int().min(1).nullish(),
    fromTime: z.iso.datetime({ offset: true }).nullish(),
  }),
]);

export type ExceptionRequest = z.infer<typeof request>;

export interface ExceptionRouteDeps {
  queue: ExceptionQueue;
  /** Replays a stream this service consumes; rejects a stream it does not consume. */
  replay(
    stream: string,
    from: { fromSequence?: number | null; fromTime?: Date | null },
  ): Promise<ReplayResult | null>;
}

function readBody(req: IncomingMessage): unknown {
  const body = bufferedBody(req);
  if (!body) throw new Error("no body");
  if (body.length > 65_536) throw new Error("body too large");
  return JSON.parse(body.toString("utf8"));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** `POST /internal/exceptions` with `{ action, ... }`: list, retry, resolve, replay. */
export function exceptionRoute(deps: ExceptionRouteDeps): RequestHandler {
  return async (req, res) => {
    if (req.method !== "POST") return send(res, 405, { error: "POST only" });
    // Only an operator, through the gateway's admin API, may touch the exception queue.
    const principal = requestPrincipal(req);
    if (!principal) return send(res, 401, { error: "authentication required" });
    if (!principal.scopes.includes("operations")) return send(res, 403, { error: "not permitted" });
    let parsed: ExceptionRequest;
    try {
      const result = request.safeParse(readBody(req));
      if (!result.success)
        return send(res, 400, {
          error: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        });
      parsed = result.data;
    } catch (error) {
      return send(res, 400, { error: `unreadable body: ${(error as Error).message}` });
    }
    switch (parsed.action) {
      case "list":
        return send(res, 200, { exceptions: await deps.queue.list(parsed) });
      case "retry":
        return send(res, 200, await deps.queue.retry(parsed.id));
      case "resolve":
        return send(res, 200, await deps.queue.resolve(parsed.id, parsed.comment));
      case "replay": {
        const from = {
          fromSequence: parsed.fromSequence ?? null,
          fromTime: parsed.fromTime ? new Date(parsed.fromTime) : null,
        };
        const result = await deps.replay(parsed.stream, from);
        return result
          ? send(res, 200, { result })
          : send(res, 404, { error: `this service does not consume ${parsed.stream}` });
      }
    }
  };
}
