import { readFileSync } from "node:fs";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from "jose";
import { z } from "zod";
import { type Principal, principalOf, ROLES, type Scope, SCOPES } from "@waybill/auth";
import type { JwtSettings } from "./config.ts";
import { AuthError } from "./errors.ts";

const claimsSchema = z.object({
  role: z.enum(ROLES),
  // OAuth's space-separated `scope`; scopes of other systems (openid, profile) are ignored.
  scope: z
    .string()
    .optional()
    .transform((text) => {
      const known = text?.split(" ").filter((scope): scope is Scope => isScope(scope));
      return known?.length ? known : undefined;
    }),
  customer_id: z.string().min(1).optional(),
  accounts: z.array(z.string().min(1)).optional(),
});

const isScope = (scope: string): boolean => (SCOPES as readonly string[]).includes(scope);

/** Verifies bearer JWTs (signature, issuer, audience, expiry) and maps their claims to a principal. */
export function jwtAuthenticator(settings: JwtSettings) {
  const keys =
    settings.keys.kind === "url"
      ? createRemoteJWKSet(new URL(settings.keys.url))
      : createLocalJWKSet(JSON.parse(readFileSync(settings.keys.file, "utf8")) as JSONWebKeySet);
  const claim = (payload: JWTPayload, name: string) => payload[`${settings.claimPrefix}${name}`];
  return async function authenticate(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: settings.algorithms,
        clockTolerance: settings.clockTolerance,
        requiredClaims: ["sub", "exp"],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AuthError("the token has expired");
      throw new AuthError("the token is not valid");
    }
    const claims = claimsSchema.safeParse({
      role: claim(payload, "role"),
      scope: payload.scope,
      customer_id: claim(payload, "customer_id"),
      accounts: claim(payload, "accounts"),
    });
    if (!claims.success) throw new AuthError("the token's Waybill claims are not valid");
    try {
      return principalOf({
        subject: `jwt:${payload.sub ?? ""}`,
        role: claims.data.role,
        scopes: claims.data.scope,
        customerId: claims.data.customer_id,
        accounts: claims.data.accounts,
      });
    } catch {
      throw new AuthError("the token's Waybill claims are not valid");
    }
  };
}
