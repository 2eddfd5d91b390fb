import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import {
  firstHeader,
  HttpError,
  httpErrors,
  readBody,
  sendError,
  sendJson,
  type RequestHandler,
} from "@waybill/http";
import type { Logger } from "@waybill/observability";
import type { Hub } from "../hub/client.ts";
import type { IntegrationsRepository } from "../store/repository.ts";
import type { WebhookAnswer, WebhookSource, WebhookTopic } from "./source.ts";

/** Largest webhook body taken (Shopify's orders stay far below). */
export const MAX_WEBHOOK_BYTES = 1_048_576;

/** The path of a source's topic. */
export const webhookPath = (source: string, topic: string) => `/webhooks/${source}/${topic}`;

/** The declared headers of a request, and only those. */
function declaredHeaders(req: IncomingMessage, names: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = firstHeader(req, name);
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

export interface WebhookRouteDeps {
  repo: IntegrationsRepository;
  hub: Hub;
  logger: Logger;
}

/**
 * `POST /webhooks/<source>/<topic>`: reads the exact body, lets the source verify its signature,
 * hands the topic the body and the declared headers, and keeps a receipt of what was verified and
 * answered. Unverified requests are answered 401 and kept nowhere.
 */
export function webhookRoute(
  source: WebhookSource,
  topicName: string,
  topic: WebhookTopic,
  deps: WebhookRouteDeps,
): RequestHandler {
  const logger = deps.logger.child({ component: "webhook", source: source.name, topic: topicName });
  return async (req, res) => {
    if (req.method !== "POST") throw httpErrors.methodNotAllowed("POST");
    const body = await readBody(req, MAX_WEBHOOK_BYTES);
    const headers = declaredHeaders(req, source.headers);
    const verified = source.verify(body, headers);
    if (typeof verified === "object")
      throw new HttpError(503, "WEBHOOK_DISABLED", verified.disabled);
    if (!verified && source.isPing?.(body, headers)) return sendJson(res, 200, { ok: true });
    if (!verified)
      throw new HttpError(
        401,
        "INVALID_SIGNATURE",
        `the ${source.name} signature does not match the body`,
      );
    const receivedAt = new Date();
    let answer: WebhookAnswer;
    try {
      answer = await topic.handle({ body, headers, hub: deps.hub, repo: deps.repo, logger });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const refused = { status: error.status, outcome: error.code, detail: error.message };
      await keep(deps.repo, { source, topicName, body, receivedAt, answer: refused });
      return sendError(res, error);
    }
    await keep(deps.repo, { source, topicName, body, receivedAt, answer });
    logger.info({ outcome: answer.outcome, reference: answer.reference }, "webhook handled");
    sendJson(res, answer.status, answer.body);
  };
}

async function keep(
  repo: IntegrationsRepository,
  received: {
    source: WebhookSource;
    topicName: string;
    body: Buffer;
    receivedAt: Date;
    answer: { status: number; outcome: string; detail?: string; reference?: string };
  },
): Promise<void> {
  const { answer } = received;
  await repo.recordReceipt({
    _id: `whr_${randomUUID()}`,
    source: received.source.name,
    topic: received.topicName,
    receivedAt: received.receivedAt,
    status: answer.status,
    outcome: answer.outcome,
    detail: answer.detail ?? null,
    reference: answer.reference ?? null,
    payload: received.body.toString("utf8"),
  });
}

/** What the gateway needs to relay webhooks: each source's topics and the headers it reads. */
export function webhookManifest(sources: readonly WebhookSource[]) {
  return {
    sources: sources.map((source) => ({
      name: source.name,
      headers: [...source.headers],
      topics: Object.keys(source.topics),
    })),
  };
}

/** The internal path where the gateway reads the manifest. */
export const WEBHOOK_MANIFEST_PATH = "/internal/webhook-sources";

/** Every source's topic routes, and the manifest route for the gateway. */
export function webhookRoutes(
  sources: readonly WebhookSource[],
  deps: WebhookRouteDeps,
): Record<string, RequestHandler> {
  const routes: Record<string, RequestHandler> = {};
  for (const source of sources)
    for (const [name, topic] of Object.entries(source.topics))
      routes[webhookPath(source.name, name)] = webhookRoute(source, name, topic, deps);
  const manifest = webhookManifest(sources);
  routes[WEBHOOK_MANIFEST_PATH] = (req, res) => {
    if (req.method !== "GET") throw httpErrors.methodNotAllowed("GET");
    sendJson(res, 200, manifest);
  };
  return routes;
}
