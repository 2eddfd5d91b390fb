import type { IncomingMessage } from "node:http";
import type { Principal } from "@waybill/auth";
import { firstHeader } from "@waybill/http";
import type { ApiKeyStore } from "./api-keys.ts";
import { isApiKey } from "./api-keys.ts";
import { AuthError } from "./errors.ts";

export type Authenticator = (req: IncomingMessage) => Promise<Principal>;

/** The credentials a caller presented: an Authorization header value and an X-API-Key value. */
export type Credentials = { authorization?: string | undefined; apiKey?: string | undefined };

/** The credentials a request carries in its headers. */
export function credentialsOf(req: IncomingMessage): Credentials {
  return { authorization: req.headers.authorization, apiKey: firstHeader(req, "x-api-key") };
}

/**
 * Finds the caller of a request: `Authorization: Bearer <JWT or API key>` or `X-API-Key`. A
 * request without credentials, or with bad ones, is an AuthError.
 */
export function authenticator(options: {
  apiKeys: ApiKeyStore;
  jwt?: ((token: string) => Promise<Principal>) | undefined;
}): Authenticator & { credentials(credentials: Credentials): Promise<Principal> } {
  const fromCredentials = async ({ authorization, apiKey: apiKeyHeader }: Credentials) => {
    if (authorization && apiKeyHeader) throw new AuthError("send one credential, not two");
    if (apiKeyHeader) return options.apiKeys.authenticate(apiKeyHeader);
    if (!authorization) throw new AuthError("authentication required");
    const [scheme, credential] = authorization.split(" ", 2);
    if (scheme?.toLowerCase() !== "bearer" || !credential)
      throw new AuthError("use Authorization: Bearer <token or API key>");
    if (isApiKey(credential)) return options.apiKeys.authenticate(credential);
    if (!options.jwt) throw new AuthError("this gateway accepts API keys only");
    return options.jwt(credential);
  };
  const fromRequest = (req: IncomingMessage) => fromCredentials(credentialsOf(req));
  return Object.assign(fromRequest, { credentials: fromCredentials });
}
