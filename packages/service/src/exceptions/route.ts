import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { requestPrincipal } from "@waybill/auth";
import type { ExceptionQueue, ReplayResult } from "@waybill/bus";
import { httpErrors, readJsonBody, sendJson, type RequestHandler } from "@waybill/http";

/** The internal path where a service serves its exception queue; the gateway is its only caller. */
export const EXCEPTIONS_PATH = "/internal/exceptions";

const request = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("list"),
    status: z.enum(["open", "retried", "resolved"]).nullish(),
    category: z.enum(["validation", "missing_reference", "conflict", "max_deliveries"]).nullish(),
    owner: z.enum(["operations", "finance", "master_data"]).nullish(),
    first: z.number().int().min(1).max(500).nullish(),
    after: z.object({ firstSeenAt: z.iso.datetime({ offset: true }), id: z.string() }).nullish(),
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

const MAX_BODY_BYTES = 65_536;

/** The request an operator sent, or a 400 HttpError saying what is wrong with it. */
async function parseRequest(req: IncomingMessage): Promise<ExceptionRequest> {
  const result = request.safeParse(await readJsonBody(req, MAX_BODY_BYTES));
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  throw httpErrors.badRequest(problems.join("; "));
}

/** `POST /internal/exceptions` with `{ action, ... }`: list, retry, resolve, replay. */
export function exceptionRoute(deps: ExceptionRouteDeps): RequestHandler {
  return async (req, res) => {
    if (req.method !== "POST") throw httpErrors.methodNotAllowed("POST");
    // Only an operator, through the gateway's admin API, may touch the exception queue.
    const principal = requestPrincipal(req);
    if (!principal) throw httpErrors.unauthenticated("authentication required");
    if (!principal.scopes.includes("operations")) throw httpErrors.forbidden("not permitted");
    const parsed = await parseRequest(req);
    switch (parsed.action) {
      case "list": {
        const { after, ...filter } = parsed;
        const from = after ? { firstSeenAt: new Date(after.firstSeenAt), id: after.id } : null;
        return sendJson(res, 200, {
          exceptions: await deps.queue.list({ ...filter, after: from }),
        });
      }
      case "retry":
        return sendJson(res, 200, await deps.queue.retry(parsed.id));
      case "resolve":
        return sendJson(res, 200, await deps.queue.resolve(parsed.id, parsed.comment));
      case "replay": {
        const from = {
          fromSequence: parsed.fromSequence ?? null,
          fromTime: parsed.fromTime ? new Date(parsed.fromTime) : null,
        };
        const result = await deps.replay(parsed.stream, from);
        if (!result) throw httpErrors.notFound(`this service does not consume ${parsed.stream}`);
        return sendJson(res, 200, { result });
      }
    }
  };
}
