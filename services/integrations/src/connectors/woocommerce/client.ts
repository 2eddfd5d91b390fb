import { retryAfterSeconds } from "../../outbound/schedule.ts";
import { ConnectorError } from "../outcome.ts";

/** WooCommerce's error body (WP REST): `{ code, message, data: { status } }`. */
type WooError = { code?: string; message?: string; data?: { status?: number } };

/** The REST API v3 of one store. */
export interface WoocommerceApi {
  /**
   * Sends one request to `path` under `/wp-json/wc/v3` and returns the JSON answer; throws a
   * ConnectorError when the store did not take it.
   */
  request<T>(
    method: "GET" | "POST" | "PUT",
    path: string,
    options?: { body?: unknown; query?: Record<string, string> },
  ): Promise<T>;
}

const describe = (error: WooError | null, text: string) =>
  error?.code || error?.message
    ? `${error.code ?? "error"}: ${error.message ?? "no message"}`
    : text.slice(0, 200) || "no message";

/**
 * A client of the REST API v3 with the REST API keys as HTTP Basic auth (or as query parameters
 * when `queryStringAuth`). A timeout, a network failure, a 5xx or a refused key is "unavailable"
 * (retried; a POST may have taken effect, so callers look up before creating again), a 429
 * "rate_limited" for its Retry-After, and any other 4xx "parked": the request as it is will not be
 * taken.
 */
export function woocommerceApi(options: {
  apiRoot: string;
  consumerKey: () => string;
  consumerSecret: () => string;
  timeoutMs: number;
  queryStringAuth: boolean;
}): WoocommerceApi {
  return {
    async request<T>(
      method: "GET" | "POST" | "PUT",
      path: string,
      { body, query = {} }: { body?: unknown; query?: Record<string, string> } = {},
    ) {
      const key = options.consumerKey();
      const secret = options.consumerSecret();
      const url = new URL(`${options.apiRoot}${path}`);
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      const headers: Record<string, string> = { accept: "application/json" };
      if (options.queryStringAuth) {
        url.searchParams.set("consumer_key", key);
        url.searchParams.set("consumer_secret", secret);
      } else
        headers["authorization"] =
          `Basic ${Buffer.from(`${key}:${secret}`, "utf8").toString("base64")}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      const what = `${method} ${path}`;
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          method,
          headers,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        throw new ConnectorError(
          "unavailable",
          `WooCommerce did not answer ${what}: ${(error as Error).message}`,
        );
      }
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      if (response.ok) {
        if (json === null)
          throw new ConnectorError("unavailable", `WooCommerce answered ${what} with no JSON`);
        return json as T;
      }
      const problem = `WooCommerce ${response.status} on ${what}: ${describe(json as WooError | null, text)}`;
      if (response.status === 429)
        throw new ConnectorError("rate_limited", problem, {
          retryAfterSeconds:
            retryAfterSeconds(response.headers.get("retry-after") ?? undefined, new Date()) ?? 1,
        });
      if (response.status === 401)
        throw new ConnectorError(
          "unavailable",
          `${problem} (the key in WOOCOMMERCE_CONSUMER_KEY / WOOCOMMERCE_CONSUMER_SECRET was refused)`,
        );
      if (response.status >= 500) throw new ConnectorError("unavailable", problem);
      throw new ConnectorError("parked", problem);
    },
  };
}
