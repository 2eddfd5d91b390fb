import { ConnectorError } from "../outcome.ts";
import type { S4hanaAuth } from "./config.ts";
import { refusal } from "./odata-error.ts";

/** An OData answer's body and the ETag S/4HANA sent with it. */
export type Answer<T> = { body: T; etag: string | null };

/** One OData service of the system, e.g. `/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=0002`. */
export interface ODataService {
  get<T>(path: string, query?: Record<string, string>): Promise<Answer<T>>;
  /** A modifying request, with the service's CSRF token and session cookies. */
  send<T>(
    method: "POST" | "PATCH",
    path: string,
    options?: { body?: unknown; ifMatch?: string },
  ): Promise<Answer<T>>;
}

/** An OData string literal: quotes doubled. */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

const queryOf = (query: Record<string, string>) =>
  Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");

/** Sign-in as the communication user: basic, or a client-credentials bearer token kept until it expires. */
function authorization(auth: S4hanaAuth, timeoutMs: number) {
  let token: { value: string; until: number } | null = null;
  return {
    async header(): Promise<string> {
      if (auth.kind === "basic")
        return `Basic ${Buffer.from(`${auth.user}:${auth.password()}`).toString("base64")}`;
      if (token && token.until > Date.now()) return `Bearer ${token.value}`;
      let response: Response;
      try {
        response = await fetch(auth.tokenUrl, {
          method: "POST",
          headers: {
            authorization: `Basic ${Buffer.from(`${auth.clientId}:${auth.clientSecret()}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          },
          body: "grant_type=client_credentials",
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new ConnectorError(
          "unavailable",
          `S/4HANA token endpoint did not answer: ${(error as Error).message}`,
        );
      }
      const body = (await response.json().catch(() => ({}))) as {
        access_token?: string;
        expires_in?: number;
      };
      if (!response.ok || !body.access_token)
        throw new ConnectorError(
          "unavailable",
          `S/4HANA token endpoint answered ${response.status} without a token`,
        );
      // Renewed a minute early, so a request never leaves with a token about to lapse.
      token = {
        value: body.access_token,
        until: Date.now() + Math.max(0, (body.expires_in ?? 600) - 60) * 1_000,
      };
      return `Bearer ${token.value}`;
    },
    /** Forgets the token (or nothing, for basic: the password is read again on every request). */
    renew() {
      token = null;
    },
  };
}

/**
 * An S/4HANA Cloud OData client. Modifying requests carry the CSRF token fetched with
 * `x-csrf-token: Fetch` on a GET of the service, together with the session cookies that GET set;
 * a 403 answered with `x-csrf-token: Required` (the session ended) fetches both again and sends
 * once more. A 401 signs in afresh once. A timeout, a network failure or a 5xx is "unavailable":
 * the effect may have happened, so callers look it up before doing it again.
 */
export function s4hanaClient(baseUrl: string, auth: S4hanaAuth, timeoutMs: number) {
  const signIn = authorization(auth, timeoutMs);

  async function call(
    url: string,
    method: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ response: Response; text: string }> {
    try {
      const response = await fetch(url, {
        method,
        headers: {
          authorization: await signIn.header(),
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { response, text: await response.text() };
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      throw new ConnectorError(
        "unavailable",
        `S/4HANA did not answer: ${(error as Error).message}`,
      );
    }
  }

  function answer<T>(response: Response, text: string): Answer<T> {
    if (!response.ok) throw refusal(response.status, text, response.headers.get("retry-after"));
    return {
      body: (text ? JSON.parse(text) : {}) as T,
      etag: response.headers.get("etag"),
    };
  }

  return {
    service(root: string): ODataService {
      const base = baseUrl + root;
      let session: { token: string; cookies: string } | null = null;

      async function fetchToken(): Promise<{ token: string; cookies: string }> {
        const { response, text } = await call(`${base}/`, "GET", { "x-csrf-token": "Fetch" });
        if (!response.ok) throw refusal(response.status, text, response.headers.get("retry-after"));
        const token = response.headers.get("x-csrf-token");
        if (!token)
          throw new ConnectorError("unavailable", `S/4HANA sent no CSRF token for ${root}`);
        const cookies = response.headers
          .getSetCookie()
          .map((cookie) => cookie.split(";")[0] ?? "")
          .filter(Boolean)
          .join("; ");
        return { token, cookies };
      }

      async function get<T>(
        path: string,
        query: Record<string, string> = {},
        signedInAgain = false,
      ): Promise<Answer<T>> {
        const search = queryOf({ ...query, $format: "json" });
        const { response, text } = await call(`${base}${path}?${search}`, "GET", {});
        if (response.status === 401 && !signedInAgain) {
          signIn.renew();
          return get(path, query, true);
        }
        return answer<T>(response, text);
      }

      async function send<T>(
        method: "POST" | "PATCH",
        path: string,
        options: { body?: unknown; ifMatch?: string } = {},
        renewed: { csrf?: boolean; signIn?: boolean } = {},
      ): Promise<Answer<T>> {
        session ??= await fetchToken();
        const { response, text } = await call(
          base + path,
          method,
          {
            "x-csrf-token": session.token,
            ...(session.cookies ? { cookie: session.cookies } : {}),
            ...(options.ifMatch ? { "if-match": options.ifMatch } : {}),
          },
          options.body,
        );
        if (
          response.status === 403 &&
          response.headers.get("x-csrf-token")?.toLowerCase() === "required" &&
          !renewed.csrf
        ) {
          session = null;
          return send(method, path, options, { ...renewed, csrf: true });
        }
        if (response.status === 401 && !renewed.signIn) {
          signIn.renew();
          session = null;
          return send(method, path, options, { ...renewed, signIn: true });
        }
        return answer<T>(response, text);
      }

      return { get, send };
    },
  };
}

export type S4hanaClient = ReturnType<typeof s4hanaClient>;
