import { retryAfterSeconds } from "../../outbound/schedule.ts";
import { ConnectorError } from "../outcome.ts";
import type { AccessTokens } from "./token.ts";

/** One entry of a REST web services error answer. */
type ErrorDetail = { detail?: string; "o:errorCode"?: string; "o:errorPath"?: string };

/** REST web services' error body: `{ type, title, status, "o:errorDetails": [...] }`. */
type SuiteTalkError = { title?: string; status?: number; "o:errorDetails"?: ErrorDetail[] };

/** Codes NetSuite answers when the account's concurrency limit is spent. */
const LIMITED = new Set([
  "CONCURRENCY_LIMIT_EXCEEDED",
  "SSS_REQUEST_LIMIT_EXCEEDED",
  "WS_REQUEST_BLOCKED",
]);

/** A reference to a record that does not exist (an internal id wrong in the mapping). */
const MISSING = new Set(["INVALID_KEY_OR_REF", "NONEXISTENT_ID"]);

const describe = (body: SuiteTalkError) =>
  (body["o:errorDetails"] ?? [])
    .map(
      (entry) =>
        `${entry["o:errorCode"] ?? "ERROR"}${entry["o:errorPath"] ? ` at ${entry["o:errorPath"]}` : ""}: ${entry.detail ?? ""}`,
    )
    .join("; ") ||
  body.title ||
  "no details";

/** Turns a REST web services error answer into what the framework acts on. */
function refusal(status: number, body: SuiteTalkError, retryAfter: string | null): ConnectorError {
  const codes = (body["o:errorDetails"] ?? []).map((entry) => entry["o:errorCode"] ?? "");
  const message = `NetSuite ${status}: ${describe(body)}`;
  if (status === 429 || codes.some((code) => LIMITED.has(code)))
    return new ConnectorError("rate_limited", message, {
      retryAfterSeconds: retryAfterSeconds(retryAfter ?? undefined, new Date()) ?? 1,
    });
  // 401 with a token just renewed: a revoked certificate. Retried on the schedule.
  if (status >= 500 || status === 401) return new ConnectorError("unavailable", message);
  return new ConnectorError("parked", message, {
    category: codes.some((code) => MISSING.has(code)) ? "missing_reference" : "conflict",
  });
}

/** REST web services under `/services/rest`, authenticated with a bearer token. */
export interface SuiteTalkClient {
  /** The record at `path` (`/record/v1/invoice/eid:INV-1`), or undefined when there is none. */
  find<T>(path: string, query?: Record<string, string>): Promise<T | undefined>;
  /** The record at `path`; a missing one is a refusal like any other. */
  get<T>(path: string, query?: Record<string, string>): Promise<T>;
  /**
   * A create, an upsert or a transform (204 No Content): the internal id the Location header
   * ends with, or undefined when it has none.
   */
  write(method: "POST" | "PUT", path: string, body: string): Promise<string | undefined>;
}

/**
 * A REST web services client. A 401 asks for a new token and sends once more; a timeout, a
 * network failure or a 5xx is "unavailable" (the record may have been created: the caller looks
 * it up by external id before writing again).
 */
export function suiteTalkClient(
  accountUrl: string,
  tokens: AccessTokens,
  timeoutMs: number,
): SuiteTalkClient {
  const base = `${accountUrl}/services/rest`;
  async function send(
    method: string,
    path: string,
    body?: string,
    renewed = false,
  ): Promise<{ status: number; json: unknown; location: string | null }> {
    const token = await tokens.current();
    let response: Response;
    let text: string;
    try {
      response = await fetch(base + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new ConnectorError(
        "unavailable",
        `NetSuite did not answer: ${(error as Error).message}`,
      );
    }
    if (response.status === 401 && !renewed) {
      await tokens.renew(token);
      return send(method, path, body, true);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = { title: text.slice(0, 200) };
    }
    if (!response.ok && response.status !== 404)
      throw refusal(response.status, json as SuiteTalkError, response.headers.get("retry-after"));
    return { status: response.status, json, location: response.headers.get("location") };
  }
  const withQuery = (path: string, query?: Record<string, string>) =>
    query ? `${path}?${new URLSearchParams(query).toString()}` : path;
  return {
    async find<T>(path: string, query?: Record<string, string>) {
      const { status, json } = await send("GET", withQuery(path, query));
      return status === 404 ? undefined : (json as T);
    },
    async get<T>(path: string, query?: Record<string, string>) {
      const { status, json } = await send("GET", withQuery(path, query));
      if (status === 404) throw refusal(status, json as SuiteTalkError, null);
      return json as T;
    },
    async write(method, path, body) {
      const { status, json, location } = await send(method, path, body);
      if (status === 404) throw refusal(status, json as SuiteTalkError, null);
      return location ? /\/(\d+)$/.exec(location)?.[1] : undefined;
    },
  };
}
