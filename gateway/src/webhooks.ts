import type { IncomingMessage, ServerResponse } from "node:http";
import { signRequest } from "@waybill/auth";
import type { RequestHandler } from "@waybill/http";
import {
  CORRELATION_HEADER,
  currentContext,
  type Logger,
  TRACEPARENT_HEADER,
} from "@waybill/observability";

/** Webhook paths the gateway relays unchanged, and the subgraph that serves each. */
export const WEBHOOK_ROUTES = { "/webhooks/shopify/orders-create": "orders" } as const;

const FORWARD_TIMEOUT_MS = 30_000;

/** The subgraph URL the static supergraph names for `name` (`@join__graph(name:, url:)`). */
export function supergraphUrl(supergraphSdl: string, name: string): string | undefined {
  const pattern = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`);
  return pattern.exec(supergraphSdl)?.[1];
}

function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (name === "content-type" || name.startsWith("x-shopify-"))
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const trace = currentContext();
  if (trace) headers[CORRELATION_HEADER] = trace.correlationId;
  if (trace?.traceparent) headers[TRACEPARENT_HEADER] = trace.traceparent;
  return headers;
}

async function rawBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function reply(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * Relays a webhook to `target` with its exact body bytes (signatures cover them) and its
 * `X-Shopify-*` headers, signed as the gateway's without a principal (the sender's own signature
 * is what the subgraph checks), and answers with the subgraph's status and body.
 */
export function webhookForwarder(options: {
  target: URL;
  limit: number;
  signingKey: Buffer;
  logger: Logger;
}): RequestHandler {
  const { target, limit, logger } = options;
  return async (req, res) => {
    if (req.method !== "POST") return reply(res, 405, "METHOD_NOT_ALLOWED", "use POST");
    const body = await rawBody(req, limit);
    if (!body) return reply(res, 413, "PAYLOAD_TOO_LARGE", `request body above ${limit} bytes`);
    let upstream: Response;
    try {
      upstream = await fetch(target, {
        method: "POST",
        headers: {
          ...forwardedHeaders(req),
          ...signRequest(options.signingKey, {
            method: "POST",
            path: `${target.pathname}${target.search}`,
            body,
            principal: "",
          }),
        },
        body: new Uint8Array(body),
        signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
      });
    } catch (error) {
      logger.error({ err: error, target: target.href }, "webhook relay failed");
      return reply(res, 502, "BAD_GATEWAY", "the service behind this webhook did not answer");
    }
    const payload = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
    });
    res.end(payload);
  };
}
