import type { ServerResponse } from "node:http";
import { HttpError, httpErrors } from "./errors.ts";

/** Answers `body` as JSON with `status` (and extra headers). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, { ...headers, "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * Answers an `HttpError` with its status and headers. GraphQL endpoints answer in the GraphQL
 * shape (`{ errors: [{ message, extensions: { code } }] }`), other routes as
 * `{ error: { code, message } }`.
 */
export function sendError(
  res: ServerResponse,
  error: HttpError,
  shape: "graphql" | "plain" = "plain",
): void {
  const body =
    shape === "graphql"
      ? { errors: [{ message: error.message, extensions: { code: error.code } }] }
      : { error: { code: error.code, message: error.message } };
  sendJson(res, error.status, body, error.headers);
}

/** Answers what a handler threw: an `HttpError` as itself, anything else as a 500 (after `log`). */
export function sendFailure(
  res: ServerResponse,
  error: unknown,
  shape: "graphql" | "plain",
  log: (error: unknown) => void,
): void {
  if (!(error instanceof HttpError)) log(error);
  if (res.headersSent) return void res.end();
  sendError(res, error instanceof HttpError ? error : httpErrors.internal(), shape);
}
