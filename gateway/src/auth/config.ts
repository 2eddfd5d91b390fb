import { ConfigError } from "@waybill/config";
import { z } from "zod";

const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text) =>
      text
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    );

/** How the gateway authenticates callers: JWTs from an identity provider, and API keys. */
export const authEnv = {
  /** The `iss` a token must carry; setting it turns JWT authentication on. */
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  /** The `aud` a token must carry. */
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  /** The identity provider's key set URL (https). */
  AUTH_JWT_JWKS_URL: z.string().url().optional(),
  /** A JSON Web Key Set file, for keys kept in configuration. */
  AUTH_JWT_JWKS_FILE: z.string().min(1).optional(),
  /** Signature algorithms accepted; symmetric ones and `none` are never accepted. */
  AUTH_JWT_ALGORITHMS: list("RS256,PS256,ES256,EdDSA").pipe(
    z.array(
      z.enum(["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "EdDSA"]),
    ),
  ),
  /** Prefix of Waybill's claims (`role`, `customer_id`, `accounts`), e.g. `https://waybill.example/`. */
  AUTH_JWT_CLAIM_PREFIX: z.string().default(""),
  /** Clock skew tolerated on `exp` and `nbf`, in seconds. */
  AUTH_JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
};

export type AuthEnv = z.infer<z.ZodObject<typeof authEnv>>;

/** JWT settings when JWTs are on; a half-configured identity provider stops start-up. */
export function jwtSettings(env: AuthEnv) {
  const named = [
    env.AUTH_JWT_ISSUER,
    env.AUTH_JWT_AUDIENCE,
    env.AUTH_JWT_JWKS_URL ?? env.AUTH_JWT_JWKS_FILE,
  ];
  if (named.every((value) => !value)) return undefined;
  if (!env.AUTH_JWT_ISSUER || !env.AUTH_JWT_AUDIENCE)
    throw new ConfigError(
      "AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE are both required for JWT authentication",
    );
  if (!env.AUTH_JWT_JWKS_URL === !env.AUTH_JWT_JWKS_FILE)
    throw new ConfigError("set exactly one of AUTH_JWT_JWKS_URL and AUTH_JWT_JWKS_FILE");
  return {
    issuer: env.AUTH_JWT_ISSUER,
    audience: env.AUTH_JWT_AUDIENCE,
    keys: keySource(env.AUTH_JWT_JWKS_URL, env.AUTH_JWT_JWKS_FILE),
    algorithms: env.AUTH_JWT_ALGORITHMS,
    claimPrefix: env.AUTH_JWT_CLAIM_PREFIX,
    clockTolerance: env.AUTH_JWT_CLOCK_TOLERANCE_SECONDS,
  };
}

function keySource(url: string | undefined, file: string | undefined): KeySource {
  return url ? { kind: "url", url } : { kind: "file", file: file ?? "" };
}

type KeySource = { kind: "url"; url: string } | { kind: "file"; file: string };

export type JwtSettings = NonNullable<ReturnType<typeof jwtSettings>>;
