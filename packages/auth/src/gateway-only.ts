import type { IncomingMessage, ServerResponse } from "node:http";
import { firstHeader, type RequestHandler } from "@waybill/http";
import { decodePrincipal, type Principal } from "./principal.ts";
import { INTERNAL_HEADERS, verifyRequest } from "./signature.ts";

/** Largest body a subgraph accepts from the gateway (the gateway's own client limit is lower). */
const MAX_INTERNAL_BODY_BYTES = 8 * 1024 * 1024;

const principals = new WeakMap<IncomingMessage, Principal>();
const bodies = new WeakMap<IncomingMessage, Buffer>();

/** The principal the gateway signed for this request, if it carried one. */
export function requestPrincipal(req: IncomingMessage): Principal | undefined {
  return principals.get(req);
}

/** The body bytes already read (and verified) for this request, if any. */
export function bufferedBody(req: IncomingMessage): Buffer | undefined {
  return bodies.get(req);
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_INTERNAL_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_INTERNAL_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Lets through only requests the gateway signed (HMAC over method, path, time, body and principal,
 * valid for a short window); anything else is answered 401 before `next` sees it. The verified body
 * is kept for `next` (`bufferedBody`) and the principal is remembered.
 */
export function gatewayOnly(key: Buffer, next: RequestHandler): RequestHandler {
  return async (req, res) => {
    const body = await readBody(req);
    if (!body)
      return refuse(res, 413, "PAYLOAD_TOO_LARGE", `request body above ${MAX_INTERNAL_BODY_BYTES}`);
    const principalHeader = firstHeader(req, INTERNAL_HEADERS.principal) ?? "";
    const check = verifyRequest(
      key,
      { method: req.method ?? "GET", path: req.url ?? "/", body, principal: principalHeader },
      {
        timestamp: firstHeader(req, INTERNAL_HEADERS.timestamp),
        signature: firstHeader(req, INTERNAL_HEADERS.signature),
      },
    );
    if (!check.valid)
      return refuse(
        res,
        401,
        "UNAUTHENTICATED",
        `subgraphs accept only requests signed by the gateway (${check.reason} signature)`,
      );
    if (principalHeader) {
      const principal = decodePrincipal(principalHeader);
      if (!principal) return refuse(res, 401, "UNAUTHENTICATED", "the principal is malformed");
      principals.set(req, principal);
    }
    bodies.set(req, body);
    return next(req, res);
  };
}
