import type { IncomingMessage } from "node:http";

/** A request the gateway refuses before GraphQL sees it, with the HTTP status to answer. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** Headers to answer with (for example Retry-After). */
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    status: number,
    code: string,
    message: string,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** Reads a JSON body of at most `limit` bytes; other content types and bad JSON are refused. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json" && type !== "application/graphql-response+json") {
    throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "POST bodies must be application/json");
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit)
    throw new HttpError(413, "PAYLOAD_TOO_LARGE", `request body above ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      throw new HttpError(413, "PAYLOAD_TOO_LARGE", `request body above ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "request body is not valid JSON");
  }
}
