import type { Logger, Metrics } from "@waybill/observability";
import { ConnectorError } from "../outcome.ts";
import type { SalesforceSessions } from "./token.ts";

/** One entry of REST API's error answer: `[{"message", "errorCode", "fields"}]`. */
type SalesforceErrorEntry = { message?: string; errorCode?: string; fields?: string[] };

/** How long the connector stays off the org once its daily allowance is (nearly) spent. */
const LIMIT_PAUSE_SECONDS = 300;

/** References the mapping names that the org does not have (an owner id, a picklist value). */
const MISSING = new Set([
  "INVALID_CROSS_REFERENCE_KEY",
  "NOT_FOUND",
  "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
]);

const describe = (entries: SalesforceErrorEntry[]) =>
  entries
    .map(
      (entry) =>
        `${entry.errorCode ?? "ERROR"}${entry.fields?.length ? ` (${entry.fields.join(", ")})` : ""}: ${entry.message ?? ""}`,
    )
    .join("; ") || "no details";

/** Turns REST API's refusal into what the framework acts on. */
function refusal(status: number, entries: SalesforceErrorEntry[]): ConnectorError {
  const codes = entries.map((entry) => entry.errorCode ?? "");
  const message = `Salesforce ${status}: ${describe(entries)}`;
  if (codes.includes("REQUEST_LIMIT_EXCEEDED") || status === 429)
    return new ConnectorError("rate_limited", message, { retryAfterSeconds: LIMIT_PAUSE_SECONDS });
  // 401 with a session just renewed: the connected app or its user lost access.
  if (status >= 500 || status === 401) return new ConnectorError("unavailable", message);
  return new ConnectorError("parked", message, {
    category: codes.some((code) => MISSING.has(code)) ? "missing_reference" : "conflict",
  });
}

/** A REST API answer: its status and its JSON body (`{}` for 204). */
export type SalesforceAnswer = { status: number; json: unknown };

/** The org's REST API under `/services/data/vXX.X`, as the connected app's user. */
export interface SalesforceClient {
  /**
   * Sends one request to `path` (under the API version's root, or a `/services/data/...` path as
   * `nextRecordsUrl` gives it). Throws a ConnectorError for anything but 2xx (and 404 when
   * `missingIsFine`).
   */
  send(
    method: "GET" | "POST" | "PATCH",
    path: string,
    body?: unknown,
    missingIsFine?: boolean,
  ): Promise<SalesforceAnswer>;
  /** Until when the connector stays off the org (ms since the epoch; 0 when it is not paused). */
  pausedUntil(): number;
}

/**
 * A REST API client. A 401 asks for a new session and sends once more; a timeout, a network
 * failure or a 5xx is "unavailable" (the upsert by external id and the comments' lookup make a
 * repeat harmless). Every answer's `Sforce-Limit-Info: api-usage=N/M` is read: exposed as metrics,
 * and once fewer than `reserve` of the daily allowance is left, nothing is sent for a while.
 */
export function salesforceClient(options: {
  sessions: SalesforceSessions;
  apiVersion: string;
  timeoutMs: number;
  reserve: number;
  logger: Logger;
  metrics: Metrics;
}): SalesforceClient {
  const { sessions, timeoutMs, reserve, logger } = options;
  const root = `/services/data/v${options.apiVersion}`;
  const used = options.metrics.gauge({
    name: "waybill_connector_api_requests_used",
    help: "API requests the outside system counts as used today (Salesforce's Sforce-Limit-Info).",
    labelNames: ["connector"],
  });
  const allowed = options.metrics.gauge({
    name: "waybill_connector_api_requests_limit",
    help: "API requests the outside system allows a day (Salesforce's Sforce-Limit-Info).",
    labelNames: ["connector"],
  });
  let pausedUntil = 0;

  function readLimit(header: string | null) {
    const match = /api-usage=(\d+)\/(\d+)/.exec(header ?? "");
    if (!match) return;
    const [count, limit] = [Number(match[1]), Number(match[2])];
    used.set({ connector: "salesforce" }, count);
    allowed.set({ connector: "salesforce" }, limit);
    if (limit > 0 && count >= limit * (1 - reserve) && Date.now() >= pausedUntil) {
      pausedUntil = Date.now() + LIMIT_PAUSE_SECONDS * 1_000;
      logger.warn(
        { connector: "salesforce", used: count, limit },
        "Salesforce API allowance nearly spent: paused",
      );
    }
  }

  async function send(
    method: string,
    path: string,
    body: unknown,
    missingIsFine: boolean,
    renewed = false,
  ): Promise<SalesforceAnswer> {
    const waitMs = pausedUntil - Date.now();
    if (waitMs > 0)
      throw new ConnectorError("rate_limited", "Salesforce API allowance nearly spent", {
        retryAfterSeconds: Math.ceil(waitMs / 1_000),
      });
    const session = await sessions.current();
    let response: Response;
    let text: string;
    try {
      response = await fetch(
        session.instanceUrl + (path.startsWith("/services/") ? path : root + path),
        {
          method,
          headers: {
            authorization: `Bearer ${session.token}`,
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(timeoutMs),
        },
      );
      text = await response.text();
    } catch (error) {
      throw new ConnectorError(
        "unavailable",
        `Salesforce did not answer: ${(error as Error).message}`,
      );
    }
    readLimit(response.headers.get("sforce-limit-info"));
    if (response.status === 401 && !renewed) {
      await sessions.renew(session.token);
      return send(method, path, body, missingIsFine, true);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = [{ errorCode: "UNPARSEABLE", message: text.slice(0, 200) }];
    }
    if (response.ok || (missingIsFine && response.status === 404))
      return { status: response.status, json };
    const error = refusal(
      response.status,
      Array.isArray(json) ? (json as SalesforceErrorEntry[]) : [],
    );
    // Polls stay off the org too, not only the deliveries the framework pauses.
    if (error.kind === "rate_limited") pausedUntil = Date.now() + LIMIT_PAUSE_SECONDS * 1_000;
    throw error;
  }

  return {
    send: (method, path, body, missingIsFine = false) => send(method, path, body, missingIsFine),
    pausedUntil: () => pausedUntil,
  };
}
