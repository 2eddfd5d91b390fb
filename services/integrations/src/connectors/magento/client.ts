import { retryAfterSeconds } from "../../outbound/schedule.ts";
import { ConnectorError } from "../outcome.ts";

/** Magento's error body: a message with `%1` or `%name` placeholders and their values. */
type ErrorBody = {
  message?: string;
  parameters?: string[] | Record<string, string>;
  errors?: ErrorBody[];
};

/** The REST API of one store view, as the integration's token may use it. */
export interface MagentoRest {
  /** GET `path` (with its query); the JSON answer; throws a ConnectorError. */
  get<T>(path: string): Promise<T>;
  /** POST `body` as JSON to `path`; the JSON answer; throws a ConnectorError. */
  post<T>(path: string, body: unknown): Promise<T>;
}

/** A Magento error as one line: placeholders filled, nested validation errors appended. */
export function errorText(body: ErrorBody): string {
  const parameters = body.parameters ?? [];
  const fill = (message: string) =>
    message.replace(/%(\w+)/g, (whole, key: string) => {
      const value = Array.isArray(parameters) ? parameters[Number(key) - 1] : parameters[key];
      return value === undefined ? whole : String(value);
    });
  const own = fill(body.message ?? "no message");
  const nested = (body.errors ?? []).map((error) => errorText(error));
  return [own, ...nested].join("; ");
}

/**
 * A client of the REST API (`{base}/rest/V1/...`) with the integration's access token as a
 * Bearer token, read again on every call (a rotated file is picked up). Answers become
 * ConnectorErrors by what retrying can do: a timeout, a network failure, a 5xx or a refused
 * token are `unavailable` (a POST may have taken effect, so callers look up before creating
 * again); 429 is `rate_limited` for its `Retry-After`; 404 is a missing reference and any other
 * 4xx (validation: "The order does not allow a shipment to be created") is parked.
 */
export function magentoRest(endpoint: string, token: () => string, timeoutMs: number): MagentoRest {
  async function send<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const what = `${method} ${path.split("?")[0] ?? path}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${endpoint}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token()}`,
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
        `Magento did not answer ${what}: ${(error as Error).message}`,
      );
    }
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { message: text.slice(0, 200) };
    }
    if (response.ok) return parsed as T;
    const problem = `Magento ${response.status} on ${what}: ${errorText(parsed ?? {})}`;
    if (response.status === 401)
      throw new ConnectorError(
        "unavailable",
        `${problem} (the access token in MAGENTO_ACCESS_TOKEN was refused)`,
      );
    if (response.status === 429)
      throw new ConnectorError("rate_limited", problem, {
        retryAfterSeconds:
          retryAfterSeconds(response.headers.get("retry-after") ?? undefined, new Date()) ?? 1,
      });
    if (response.status === 404)
      throw new ConnectorError("parked", problem, { category: "missing_reference" });
    if (response.status >= 400 && response.status < 500)
      throw new ConnectorError("parked", problem);
    throw new ConnectorError("unavailable", problem);
  }
  return {
    get: (path) => send("GET", path),
    post: (path, body) => send("POST", path, body),
  };
}
