import type { IncomingMessage } from "node:http";
import {
  firstHeader,
  HttpError,
  httpErrors,
  readBody,
  sendError,
  type RequestHandler,
} from "@waybill/http";
import { decodePrincipal, type Principal } from "./principal.ts";
import { INTERNAL_HEADERS, verifyRequest } from "./signature.ts";

/** Largest body a subgraph accepts from the gateway (the gateway's own client limit is lower). */
const MAX_INTERNAL_BODY_BYTES = 8 * 1024 * 1024;

const principals = new WeakMap<IncomingMessage, Principal>();

/** The principal the gateway signed for this request, if it carried one. */
export function requestPrincipal(req: IncomingMessage): Principal | undefined {
  return principals.get(req);
}

/**
 * Lets through only requests the gateway signed (HMAC over method, path, time, body and principal,
 * valid for a short window); anything else is answered 401 before `next` sees it. The verified body
 * is kept for `next` (`bufferedBody`) and the principal is remembered.
 */
export function gatewayOnly(key: Buffer, next: RequestHandler): RequestHandler {
  return async (req, res) => {
    try {
      const body = await readBody(req, MAX_INTERNAL_BODY_BYTES);
      const principal = verifiedPrincipal(key, req, body);
      if (principal) principals.set(req, principal);
    } catch (error) {
      if (error instanceof HttpError) return sendError(res, error, "graphql");
      throw error;
    }
    return next(req, res);
  };
}

/**
 * Checks the gateway's signature over the request; returns the principal it signed for, if any.
 * Throws a 401 HttpError when the signature or the principal is not valid.
 */
function verifiedPrincipal(key: Buffer, req: IncomingMessage, body: Buffer): Principal | undefined {
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
    throw httpErrors.unauthenticated(
      `subgraphs accept only requests signed by the gateway (${check.reason} signature)`,
    );
  if (!principalHeader) return undefined;
  const principal = decodePrincipal(principalHeader);
  if (!principal) throw httpErrors.unauthenticated("the principal is malformed");
  return principal;
}
