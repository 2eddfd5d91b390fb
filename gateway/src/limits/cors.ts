import type { IncomingMessage, ServerResponse } from "node:http";
import cors from "cors";
import { HttpError, sendError } from "@waybill/http";

/** What the caller does next: stop (the preflight is answered) or serve the request. */
export type CorsOutcome = "preflight-answered" | "continue";

const REFUSAL = new HttpError(403, "CORS_ORIGIN_NOT_ALLOWED", "origin not allowed", {
  vary: "Origin",
});

/**
 * CORS for browsers on `allowedOrigins` (exact origins, no credentials). Answers every OPTIONS
 * request itself: 204 with the CORS headers for an allowed origin, 403 otherwise. Other requests
 * get the headers only from an allowed origin and are left to the caller.
 */
export function corsMiddleware(
  allowedOrigins: readonly string[],
): (req: IncomingMessage, res: ServerResponse) => Promise<CorsOutcome> {
  const allowed = new Set(allowedOrigins);
  const handle = cors({
    origin: [...allowed],
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: [
      "content-type",
      "authorization",
      "x-api-key",
      "x-correlation-id",
      "traceparent",
      "idempotency-key",
    ],
    // A portal reads the correlation id to quote in support requests, when to retry, and whether
    // an answer was replayed for its idempotency key.
    exposedHeaders: ["x-correlation-id", "retry-after", "idempotent-replayed"],
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return (req, res) => {
    const origin = req.headers.origin;
    if (req.method === "OPTIONS" && (origin === undefined || !allowed.has(origin))) {
      sendError(res, REFUSAL, "graphql");
      return Promise.resolve("preflight-answered");
    }
    return new Promise((resolve) => {
      // With static options `cors` never fails; it ends an OPTIONS request itself (without
      // calling `next`) and passes every other request on.
      handle(req, res, () => resolve("continue"));
      if (req.method === "OPTIONS") resolve("preflight-answered");
    });
  };
}
