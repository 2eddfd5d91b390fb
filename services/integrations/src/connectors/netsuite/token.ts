import { SignJWT } from "jose";
import { ConnectorError } from "../outcome.ts";
import { signingKey } from "./config.ts";

/** Where the client-credentials grant is asked, under the account's REST domain. */
export const TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";

/** An access token for REST web services, asked again when it expires or is refused. */
export interface AccessTokens {
  /** The token in hand, or a new one when there is none or it is about to expire. */
  current(): Promise<string>;
  /** NetSuite refused `refused`: a new token, unless another request already got one. */
  renew(refused: string): Promise<string>;
}

export type ClientCredentials = {
  url: string;
  clientId: string;
  certificateId: string;
  /** The certificate's private key as PEM, read again for each token. */
  privateKey: () => string;
  timeoutMs: number;
};

/** A token is renewed this long before NetSuite would refuse it. */
const MARGIN_MS = 60_000;

/**
 * The JWT NetSuite's client-credentials flow takes as `client_assertion`: typ JWT, kid = the
 * certificate id of the mapping, iss = the integration's client id, aud = the token endpoint,
 * scope rest_webservices, and an expiry well within the hour NetSuite allows.
 */
async function assertion(credentials: ClientCredentials, audience: string): Promise<string> {
  const { key, algorithm } = signingKey(credentials.privateKey());
  return new SignJWT({ scope: ["rest_webservices"] })
    .setProtectedHeader({ alg: algorithm, typ: "JWT", kid: credentials.certificateId })
    .setIssuer(credentials.clientId)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(key);
}

type TokenAnswer = { access_token?: string; expires_in?: string | number; error?: string };

/**
 * OAuth 2.0 client credentials (machine to machine) against NetSuite's token endpoint. One request
 * at a time: callers that need a token while one is asked for wait for that one.
 */
export function clientCredentialsTokens(credentials: ClientCredentials): AccessTokens {
  const endpoint = credentials.url + TOKEN_PATH;
  let token: { value: string; expiresAt: number } | undefined;
  let asking: Promise<string> | undefined;

  async function ask(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: await assertion(credentials, endpoint),
    });
    let response: Response;
    let answer: TokenAnswer;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: form.toString(),
        signal: AbortSignal.timeout(credentials.timeoutMs),
      });
      const text = await response.text();
      answer = text ? (JSON.parse(text) as TokenAnswer) : {};
    } catch (error) {
      throw new ConnectorError(
        "unavailable",
        `NetSuite token endpoint did not answer: ${(error as Error).message}`,
      );
    }
    const seconds = Number(answer.expires_in);
    if (!response.ok || !answer.access_token || !Number.isFinite(seconds))
      // A refused certificate is the operator's to fix; retried on the schedule meanwhile.
      throw new ConnectorError(
        "unavailable",
        `NetSuite token endpoint ${response.status}: ${answer.error ?? "no access token"}`,
      );
    token = { value: answer.access_token, expiresAt: Date.now() + seconds * 1_000 };
    return token.value;
  }

  function fresh(): Promise<string> {
    asking ??= ask().finally(() => {
      asking = undefined;
    });
    return asking;
  }

  return {
    current: () =>
      token && token.expiresAt - MARGIN_MS > Date.now() ? Promise.resolve(token.value) : fresh(),
    renew: (refused) => {
      if (token && token.value !== refused) return Promise.resolve(token.value);
      token = undefined;
      return fresh();
    },
  };
}
