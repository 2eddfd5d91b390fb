import type { IncomingMessage } from "node:http";
import { signRequest } from "@waybill/auth";
import {
  firstHeader,
  HttpError,
  httpErrors,
  readBody,
  sendError,
  type RequestHandler,
} from "@waybill/http";
import {
  CORRELATION_HEADER,
  currentContext,
  TRACEPARENT_HEADER,
  type Logger,
} from "@waybill/observability";
import { z } from "zod";

/** Every webhook path starts so: `/webhooks/<source>/<topic>`. */
export const WEBHOOK_PREFIX = "/webhooks/";

const FORWARD_TIMEOUT_MS = 30_000;
/** How long the sources the integrations service declared are trusted before asking again. */
const MANIFEST_TTL_MS = 60_000;
const MANIFEST_PATH = "/internal/webhook-sources";

const manifestShape = z.object({
  sources: z.array(
    z.object({
      name: z.string().regex(/^[a-z0-9-]+$/),
      headers: z.array(z.string().regex(/^[a-z0-9-]+$/)),
      topics: z.array(z.string().regex(/^[a-z0-9-]+$/)),
    }),
  ),
});

type Manifest = z.infer<typeof manifestShape>;

/** The subgraph URL the static supergraph names for `name` (`@join__graph(name:, url:)`). */
export function supergraphUrl(supergraphSdl: string, name: string): string | undefined {
  const pattern = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`);
  return pattern.exec(supergraphSdl)?.[1];
}

/** Only what the source's adapter reads, and the request's trace. */
function forwardedHeaders(
  req: IncomingMessage,
  declared: readonly string[],
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ["content-type", ...declared]) {
    const value = firstHeader(req, name);
    if (value !== undefined) headers[name] = value;
  }
  const trace = currentContext();
  if (trace) headers[CORRELATION_HEADER] = trace.correlationId;
  if (trace?.traceparent) headers[TRACEPARENT_HEADER] = trace.traceparent;
  return headers;
}

/**
 * Relays `POST /webhooks/<source>/<topic>` to the integrations service, which owns every external
 * format: with the exact body bytes (signatures cover them) and only the headers the source's
 * adapter declared, signed as the gateway's call without a principal (the sender's own signature
 * is what the adapter checks). Sources and topics come from the integrations service's manifest,
 * so a new source needs no change here; an unknown one is answered 404 without a relay.
 */
export function webhookRelay(options: {
  integrationsUrl: string;
  limit: number;
  signingKey: Buffer;
  logger: Logger;
}): RequestHandler {
  const { limit, logger } = options;
  const base = new URL(options.integrationsUrl);
  let manifest: { value: Manifest; at: number } | undefined;

  const signedFetch = (path: string, method: "GET" | "POST", body: Buffer, headers = {}) =>
    fetch(new URL(path, base), {
      method,
      headers: {
        ...headers,
        ...signRequest(options.signingKey, { method, path, body, principal: "" }),
      },
      ...(method === "POST" ? { body: new Uint8Array(body) } : {}),
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });

  async function sources(): Promise<Manifest> {
    if (manifest && Date.now() - manifest.at < MANIFEST_TTL_MS) return manifest.value;
    try {
      const response = await signedFetch(MANIFEST_PATH, "GET", Buffer.alloc(0));
      if (!response.ok) throw new Error(`answered ${response.status}`);
      manifest = { value: manifestShape.parse(await response.json()), at: Date.now() };
      return manifest.value;
    } catch (error) {
      logger.error({ err: error }, "webhook sources unavailable");
      throw new HttpError(
        503,
        "WEBHOOKS_UNAVAILABLE",
        "webhook intake is not available; retry later",
      );
    }
  }

  return async (req, res) => {
    try {
      if (req.method !== "POST") throw httpErrors.methodNotAllowed("POST");
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const [sourceName, topic, ...rest] = path.slice(WEBHOOK_PREFIX.length).split("/");
      const source = (await sources()).sources.find((candidate) => candidate.name === sourceName);
      if (!source || !topic || rest.length > 0 || !source.topics.includes(topic))
        throw httpErrors.notFound(`no webhook at ${path}`);
      const body = await readBody(req, limit);
      let upstream: Response;
      try {
        upstream = await signedFetch(path, "POST", body, forwardedHeaders(req, source.headers));
      } catch (error) {
        logger.error({ err: error, path }, "webhook relay failed");
        throw new HttpError(502, "BAD_GATEWAY", "the service behind this webhook did not answer");
      }
      res.writeHead(upstream.status, {
        "content-type": upstream.headers.get("content-type") ?? "application/json",
      });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendError(res, error);
    }
  };
}
