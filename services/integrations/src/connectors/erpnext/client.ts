import { retryAfterSeconds } from "../../outbound/schedule.ts";
import { ConnectorError } from "../outcome.ts";

/** Frappe's error body (`/api/resource` and `/api/method`): the exception's type and messages. */
type FrappeError = { exc_type?: string; exception?: string; _server_messages?: string };

/** The first message of `_server_messages` (a JSON list of JSON objects, each with `message`). */
function serverMessage(body: FrappeError): string | undefined {
  try {
    const list = JSON.parse(body._server_messages ?? "[]") as string[];
    const first = list[0];
    if (first === undefined) return undefined;
    return (JSON.parse(first) as { message?: string }).message;
  } catch {
    return undefined;
  }
}

/** Link targets that do not exist are master data's; other refusals are the document's. */
const MISSING = new Set(["LinkValidationError", "DoesNotExistError"]);

/** Turns a frappe error answer into what the framework acts on. */
function refusal(status: number, body: FrappeError, retryAfter: string | null): ConnectorError {
  const type = body.exc_type ?? "";
  const message = `ERPNext ${status}${type ? ` ${type}` : ""}: ${serverMessage(body) ?? body.exception ?? "no message"}`;
  if (status === 429)
    return new ConnectorError("rate_limited", message, {
      retryAfterSeconds: retryAfterSeconds(retryAfter ?? undefined, new Date()) ?? 1,
    });
  // 401 twice: a secret no one renewed. Retried on the schedule, and the breaker pauses the rest.
  if (status >= 500 || status === 401) return new ConnectorError("unavailable", message);
  // Another attempt created it meanwhile: the next attempt's lookup finds it.
  if (status === 409 || type === "DuplicateEntryError") return new ConnectorError("later", message);
  return new ConnectorError("parked", message, {
    category: MISSING.has(type) ? "missing_reference" : "conflict",
  });
}

/** Frappe's REST API with token authentication (`Authorization: token <key>:<secret>`). */
export interface FrappeClient {
  get<T>(path: string, query?: Record<string, string>): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
}

/**
 * A frappe client. `credentials` is asked again after a 401 (a rotated secret is re-read) and the
 * request is sent once more; a timeout, a network failure or a 5xx is "unavailable" (the
 * document may have been created: the caller looks it up before creating again).
 */
export function frappeClient(
  baseUrl: string,
  credentials: () => { key: string; secret: string },
  timeoutMs: number,
): FrappeClient {
  let token = credentials();
  async function send<T>(
    method: string,
    path: string,
    body?: unknown,
    renewed = false,
  ): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(baseUrl + path, {
        method,
        headers: {
          authorization: `token ${token.key}:${token.secret}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new ConnectorError(
        "unavailable",
        `ERPNext did not answer: ${(error as Error).message}`,
      );
    }
    if (response.status === 401 && !renewed) {
      token = credentials();
      return send(method, path, body, true);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = { exception: text.slice(0, 200) };
    }
    if (!response.ok)
      throw refusal(response.status, json as FrappeError, response.headers.get("retry-after"));
    return json as T;
  }
  return {
    get: (path, query) =>
      send("GET", query ? `${path}?${new URLSearchParams(query).toString()}` : path),
    post: (path, body) => send("POST", path, body),
    put: (path, body) => send("PUT", path, body),
  };
}
