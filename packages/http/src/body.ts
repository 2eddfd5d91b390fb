import type { IncomingMessage } from "node:http";
import { httpErrors } from "./errors.ts";

const bodies = new WeakMap<IncomingMessage, Buffer>();

/**
 * Reads the raw body (signatures are over the exact bytes) of at most `limit` bytes, once: a body
 * read before, by a signature check for example, is handed out again. Too large: a 413 HttpError.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const read = bodies.get(req);
  if (read) {
    if (read.length > limit) throw httpErrors.payloadTooLarge(limit);
    return read;
  }
  if (Number(req.headers["content-length"] ?? 0) > limit) throw httpErrors.payloadTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw httpErrors.payloadTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  bodies.set(req, body);
  return body;
}

/** The body already read for this request, if any. */
export function bufferedBody(req: IncomingMessage): Buffer | undefined {
  return bodies.get(req);
}

const JSON_TYPES = new Set(["application/json", "application/graphql-response+json"]);

/** Reads a JSON body of at most `limit` bytes; other content types and bad JSON are refused. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!JSON_TYPES.has(type)) throw httpErrors.unsupportedMediaType("application/json");
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw httpErrors.badRequest("request body is not valid JSON");
  }
}
