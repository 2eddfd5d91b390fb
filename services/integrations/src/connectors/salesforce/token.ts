import { createPrivateKey } from "node:crypto";
import { SignJWT } from "jose";
import { ConnectorError } from "../outcome.ts";
import type { SalesforceGrant } from "./config.ts";

/** Where both grants are asked, under the org's My Domain (or login.salesforce.com). */
export const TOKEN_PATH = "/services/oauth2/token";

/** An access token and the instance the org's REST API answers at. */
export type SalesforceSession = { token: string; instanceUrl: string };

/** Salesforce's session, asked again when a request is refused with INVALID_SESSION_ID. */
export interface SalesforceSessions {
  /** The session in hand, or a new one when there is none. */
  current(): Promise<SalesforceSession>;
  /** Salesforce refused `refused`: a new session, unless another request already got one. */
  renew(refused: string): Promise<SalesforceSession>;
}

/**
 * The JWT bearer flow's assertion: iss = the connected app's consumer key, sub = the user it acts
 * as, aud = the login URL, an expiry within the three minutes Salesforce allows, signed RS256
 * with the key whose certificate the connected app holds.
 */
function assertion(grant: Extract<SalesforceGrant, { kind: "jwt_bearer" }>, audience: string) {
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(grant.clientId)
    .setSubject(grant.username)
    .setAudience(audience)
    .setExpirationTime("3m")
    .sign(createPrivateKey(grant.privateKey()));
}

async function form(grant: SalesforceGrant, loginUrl: string): Promise<URLSearchParams> {
  if (grant.kind === "client_credentials")
    return new URLSearchParams({
      grant_type: "client_credentials",
      client_id: grant.clientId,
      client_secret: grant.clientSecret(),
    });
  return new URLSearchParams({
    grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
    assertion: await assertion(grant, loginUrl),
  });
}

type TokenAnswer = {
  access_token?: string;
  instance_url?: string;
  error?: string;
  error_description?: string;
};

/**
 * OAuth 2.0 against the org's token endpoint, client credentials or JWT bearer. Salesforce tells
 * no expiry: a session is kept until a request is refused. One request at a time: callers that
 * need a session while one is asked for wait for that one.
 */
export function salesforceSessions(
  loginUrl: string,
  grant: SalesforceGrant,
  timeoutMs: number,
): SalesforceSessions {
  let session: SalesforceSession | undefined;
  let asking: Promise<SalesforceSession> | undefined;

  async function ask(): Promise<SalesforceSession> {
    let response: Response;
    let answer: TokenAnswer;
    try {
      response = await fetch(loginUrl + TOKEN_PATH, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: (await form(grant, loginUrl)).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      answer = text ? (JSON.parse(text) as TokenAnswer) : {};
    } catch (error) {
      throw new ConnectorError(
        "unavailable",
        `Salesforce token endpoint did not answer: ${(error as Error).message}`,
      );
    }
    if (!response.ok || !answer.access_token || !answer.instance_url)
      // A refused client or user is the operator's to fix; retried on the schedule meanwhile.
      throw new ConnectorError(
        "unavailable",
        `Salesforce token endpoint ${response.status}: ${answer.error ?? "no access token"} ${answer.error_description ?? ""}`.trim(),
      );
    session = { token: answer.access_token, instanceUrl: answer.instance_url.replace(/\/+$/, "") };
    return session;
  }

  function fresh(): Promise<SalesforceSession> {
    asking ??= ask().finally(() => {
      asking = undefined;
    });
    return asking;
  }

  return {
    current: () => (session ? Promise.resolve(session) : fresh()),
    renew: (refused) => {
      if (session && session.token !== refused) return Promise.resolve(session);
      session = undefined;
      return fresh();
    },
  };
}
