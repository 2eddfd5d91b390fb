import { retryAfterSeconds } from "../../outbound/schedule.ts";
import { ConnectorError } from "../outcome.ts";
import type { RefreshToken } from "./config.ts";

/**
 * A decimal Sage 200 reads as a JSON number ("number(decimal 2dp)"), kept as its text: the body is
 * written with the digits billing gave, so no amount ever passes through a float.
 */
export class Decimal {
  readonly text: string;
  constructor(text: string) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`"${text}" is not a decimal`);
    this.text = text;
  }
  toJSON(): string {
    return `\u0000decimal:${this.text}`;
  }
}

/** JSON text with every Decimal written as a number literal of its own digits. */
export function jsonWithDecimals(body: unknown): string {
  return JSON.stringify(body).replace(/"\\u0000decimal:(-?\d+(?:\.\d+)?)"/g, "$1");
}

/** The error body of the API: a message, sometimes under `Message`, or a list of them. */
type SageError = { message?: string; Message?: string; statusCode?: number };

function messageOf(json: unknown): string {
  const first = Array.isArray(json) ? (json[0] as unknown) : json;
  if (first && typeof first === "object") {
    const body = first as SageError;
    if (body.message ?? body.Message) return String(body.message ?? body.Message);
  }
  return typeof json === "string" && json ? json : "no message";
}

/** Turns an error answer into what the framework acts on. */
function refusal(status: number, json: unknown, retryAfter: string | null): ConnectorError {
  const message = `Sage 200 ${status}: ${messageOf(json)}`;
  if (status === 429)
    return new ConnectorError("rate_limited", message, {
      retryAfterSeconds: retryAfterSeconds(retryAfter ?? undefined, new Date()) ?? 1,
    });
  // 401 after a fresh token: the connection needs re-authorising. Retried on the schedule, and
  // the breaker pauses the rest meanwhile.
  if (status >= 500 || status === 401 || status === 408)
    return new ConnectorError("unavailable", message);
  // 400 and the other 4xx: Sage refused the request as it is (its message says why).
  return new ConnectorError("parked", message, { category: "validation" });
}

/** The Sage 200 API (`/uk/sage200/accounts/v1`) with a Sage ID bearer token. */
export interface SageClient {
  get<T>(path: string, query?: Record<string, string>): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

export interface SageClientOptions {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: () => string;
  refreshToken: RefreshToken;
  siteId: string;
  companyId: string;
  timeoutMs: number;
}

type TokenAnswer = {
  access_token?: string;
  refresh_token?: string;
  error?: string;
  error_description?: string;
};

/**
 * A Sage 200 client. The access token comes from Sage ID's refresh token grant, on the first
 * request and again when the API answers 401 (the request is then sent once more). A timeout, a
 * network failure or a 5xx is "unavailable": the document may have been created, so the caller
 * looks it up before creating again.
 */
export function sageClient(options: SageClientOptions): SageClient {
  let accessToken: string | null = null;
  // One renewal at a time: Sage ID may rotate the refresh token, and a second grant with the old
  // one would be refused.
  let renewing: Promise<string> | null = null;

  async function call(url: string, init: RequestInit, what: string) {
    try {
      const response = await fetch(url, {
        ...init,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : {};
      } catch {
        json = text.slice(0, 200);
      }
      return { response, json };
    } catch (error) {
      throw new ConnectorError(
        "unavailable",
        `${what} did not answer: ${(error as Error).message}`,
      );
    }
  }

  function renew(): Promise<string> {
    renewing ??= grant().finally(() => {
      renewing = null;
    });
    return renewing;
  }

  async function grant(): Promise<string> {
    const { response, json } = await call(
      options.tokenUrl,
      {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          client_id: options.clientId,
          client_secret: options.clientSecret(),
          refresh_token: options.refreshToken.current(),
        }).toString(),
      },
      "Sage ID",
    );
    const answer = json as TokenAnswer;
    if (response.status === 429 || response.status >= 500)
      throw refusal(
        response.status,
        { message: answer.error_description ?? answer.error },
        response.headers.get("retry-after"),
      );
    if (!response.ok || !answer.access_token)
      throw new ConnectorError(
        "unavailable",
        `Sage ID refused the refresh token (${response.status} ${answer.error ?? ""}: ${answer.error_description ?? "no description"}); the connection needs authorising again`,
      );
    if (answer.refresh_token) options.refreshToken.replace(answer.refresh_token);
    accessToken = answer.access_token;
    return accessToken;
  }

  async function send<T>(
    method: string,
    path: string,
    body?: unknown,
    renewed = false,
  ): Promise<T> {
    const token = accessToken ?? (await renew());
    const { response, json } = await call(
      options.baseUrl + path,
      {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          "x-site": options.siteId,
          "x-company": options.companyId,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: jsonWithDecimals(body) }),
      },
      "Sage 200",
    );
    if (response.status === 401 && !renewed) {
      if (accessToken === token) accessToken = null;
      return send(method, path, body, true);
    }
    if (!response.ok) throw refusal(response.status, json, response.headers.get("retry-after"));
    return json as T;
  }

  return {
    get: (path, query) =>
      send("GET", query ? `${path}?${new URLSearchParams(query).toString()}` : path),
    post: (path, body) => send("POST", path, body),
  };
}

/** An OData string literal: single quotes doubled. */
export const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;
