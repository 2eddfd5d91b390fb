import { randomUUID } from "node:crypto";
import { retryAfterSeconds } from "../../outbound/schedule.ts";
import { ConnectorError } from "../outcome.ts";

/** The Service Layer's error body: `{ error: { code, message: { lang, value } } }`. */
type ServiceLayerError = { error?: { code?: number | string; message?: { value?: string } } };

/** An amount written into the request as the exact JSON number billing's decimal string is. */
export class Exact {
  readonly text: string;
  constructor(text: string) {
    if (!/^-?\d+(\.\d+)?$/.test(text))
      throw new ConnectorError("parked", `amount ${text} is not a decimal number`);
    this.text = text;
  }
}

/**
 * The body as JSON, each Exact as a number literal of its decimal text: the Service Layer reads
 * prices as numbers, and billing's "12.50" reaches it without becoming a float on the way.
 */
function serialize(body: unknown): string {
  const token = randomUUID();
  const text = JSON.stringify(body, (_key, value: unknown) =>
    value instanceof Exact ? `${token}${value.text}${token}` : value,
  );
  return text.replace(new RegExp(`"${token}(-?\\d+(?:\\.\\d+)?)${token}"`, "g"), "$1");
}

/** Refusals of the document's data that master data fixes (a business partner, an item, a code). */
const MISSING =
  /invalid (bp|business partner)|not found|no matching records|invalid item|tax code/i;

/** Turns a Service Layer error answer into what the framework acts on. */
function refusal(status: number, body: ServiceLayerError, retryAfter: string | null) {
  const code = body.error?.code;
  const text = body.error?.message?.value ?? "no message";
  const message = `SAP B1 ${status}${code === undefined ? "" : ` (${String(code)})`}: ${text}`;
  const wait = retryAfter === null ? undefined : retryAfterSeconds(retryAfter, new Date());
  if (status === 429 || (status === 503 && wait !== undefined))
    return new ConnectorError("rate_limited", message, { retryAfterSeconds: wait ?? 1 });
  // 401 after a fresh login: credentials no one fixed. Retried on the schedule; the breaker pauses.
  if (status >= 500 || status === 401) return new ConnectorError("unavailable", message);
  return new ConnectorError("parked", message, {
    category: status === 404 || MISSING.test(text) ? "missing_reference" : "conflict",
  });
}

/** The Service Layer (`/b1s/v1`), over a session opened by `POST /Login`. */
export interface ServiceLayer {
  get<T>(path: string, query?: Record<string, string>): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

export type B1Credentials = { companyDb: string; userName: string; password: string };

/** The `name=value` pairs of the login's B1SESSION and ROUTEID cookies, as a Cookie header. */
function sessionCookie(response: Response): string {
  const pairs = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]?.trim() ?? "")
    .filter((pair) => /^(B1SESSION|ROUTEID)=/.test(pair));
  if (!pairs.some((pair) => pair.startsWith("B1SESSION=")))
    throw new ConnectorError("unavailable", "SAP B1 login answered without a B1SESSION cookie");
  return pairs.join("; ");
}

/** Query strings as OData wants them: spaces as %20, not `+`. */
const queryString = (query: Record<string, string>) =>
  Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join("&");

/**
 * A Service Layer client. It logs in on first use (`credentials` is asked each time: a changed
 * password file is read again) and sends the session's cookies; a 401 (the session timed out or
 * was dropped) logs in again once and sends the request once more. A timeout, a network failure or
 * a 5xx is "unavailable": the document may have been created, the caller looks it up first.
 */
export function serviceLayerClient(
  baseUrl: string,
  credentials: () => B1Credentials,
  timeoutMs: number,
): ServiceLayer {
  const root = `${baseUrl}/b1s/v1`;
  let session: Promise<string> | null = null;

  async function call(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ) {
    try {
      const response = await fetch(root + path, {
        method,
        headers: {
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : {};
      } catch {
        json = { error: { message: { value: text.slice(0, 200) } } };
      }
      return { response, json };
    } catch (error) {
      throw new ConnectorError("unavailable", `SAP B1 did not answer: ${(error as Error).message}`);
    }
  }

  async function login(): Promise<string> {
    const { companyDb, userName, password } = credentials();
    const { response, json } = await call(
      "POST",
      "/Login",
      {},
      JSON.stringify({ CompanyDB: companyDb, UserName: userName, Password: password }),
    );
    if (!response.ok)
      throw refusal(
        response.status,
        json as ServiceLayerError,
        response.headers.get("retry-after"),
      );
    return sessionCookie(response);
  }

  /** The current session, one login at a time however many requests are waiting for it. */
  function current(): Promise<string> {
    session ??= login().catch((error: unknown) => {
      session = null;
      throw error;
    });
    return session;
  }

  async function send<T>(method: string, path: string, body?: string, renewed = false): Promise<T> {
    const used = current();
    const cookie = await used;
    const { response, json } = await call(method, path, { cookie }, body);
    if (response.status === 401 && !renewed) {
      // Another request may have logged in again meanwhile: only a stale session is dropped.
      if (session === used) session = null;
      return send(method, path, body, true);
    }
    if (!response.ok)
      throw refusal(
        response.status,
        json as ServiceLayerError,
        response.headers.get("retry-after"),
      );
    return json as T;
  }

  return {
    get: (path, query) => send("GET", query ? `${path}?${queryString(query)}` : path),
    post: (path, body) => send("POST", path, serialize(body)),
  };
}
