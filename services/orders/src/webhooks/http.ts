import type { IncomingMessage, ServerResponse } from "node:http";
import { bufferedBody } from "@waybill/auth";

/** A webhook request refused with an HTTP status, a code and a reason. */
export class WebhookError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "WebhookError";
    this.status = status;
    this.code = code;
  }
}

/** Reads the raw body (signatures are over the exact bytes) of at most `limit` bytes. */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new WebhookError(413, "PAYLOAD_TOO_LARGE", `request body above ${limit} bytes`);
  if (Number(req.headers["content-length"] ?? 0) > limit) throw tooLarge();
  // The gateway-signature check has read and verified the bytes already.
  const verified = bufferedBody(req);
  if (verified) {
    if (verified.length > limit) throw tooLarge();
    return verified;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, error: WebhookError): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } });
}
