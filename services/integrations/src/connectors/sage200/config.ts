import { readFileSync, writeFileSync } from "node:fs";
import { ConfigError, readConfig } from "@waybill/config";
import { z } from "zod";

/** A secret from `NAME` or from the file `NAME_FILE` names (one of the two, never both). */
function secretSource(env: NodeJS.ProcessEnv, name: string) {
  const inline = env[name];
  const file = env[`${name}_FILE`];
  if (inline && file) throw new ConfigError(`set ${name} or ${name}_FILE, not both`);
  const read = (): string => {
    if (!file) return inline ?? "";
    try {
      return readFileSync(file, "utf8").trim();
    } catch (error) {
      throw new ConfigError(`${name}_FILE: cannot read ${file}: ${(error as Error).message}`);
    }
  };
  if (!read())
    throw new ConfigError(`${name} (or ${name}_FILE) is required when CONNECTORS has sage200`);
  return { read, file };
}

/**
 * The refresh token Sage ID issued for the connection. Sage ID may rotate it on every refresh:
 * the new one is kept, and written back to `SAGE200_REFRESH_TOKEN_FILE` when the token lives in a
 * file, so a restart does not start from a token Sage ID no longer accepts.
 */
export interface RefreshToken {
  current(): string;
  replace(token: string): void;
}

function refreshTokenFromEnv(env: NodeJS.ProcessEnv): RefreshToken {
  const { read, file } = secretSource(env, "SAGE200_REFRESH_TOKEN");
  let rotated: string | null = null;
  return {
    // A file an operator replaced wins over the token we rotated to.
    current: () => (file ? read() : (rotated ?? read())),
    replace(token) {
      rotated = token;
      if (file) writeFileSync(file, `${token}\n`, { mode: 0o600 });
    },
  };
}

const required = (variable: string, example: string) =>
  z
    .string({ message: `${variable} is required (for example ${example})` })
    .trim()
    .min(1, `${variable} is required (for example ${example})`);

/** The Sage 200 connector's settings; read only when `CONNECTORS` names it. */
export function sage200Config(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      SAGE200_URL: z.url(
        "SAGE200_URL must be the API's base, for example https://api.columbus.sage.com/uk/sage200/accounts/v1",
      ),
      SAGE200_TOKEN_URL: z.url(
        "SAGE200_TOKEN_URL must be Sage ID's token endpoint, for example https://id.sage.com/oauth/token",
      ),
      SAGE200_CLIENT_ID: required("SAGE200_CLIENT_ID", "the client id Sage issued"),
      SAGE200_SITE_ID: required("SAGE200_SITE_ID", "the X-Site id from GET /sites"),
      SAGE200_COMPANY_ID: required("SAGE200_COMPANY_ID", "the X-Company id from GET /sites"),
      SAGE200_MAPPING_FILE: z.string({ message: "SAGE200_MAPPING_FILE is required" }).min(1),
      SAGE200_TIMEOUT_SECONDS: z.coerce
        .number({ message: "SAGE200_TIMEOUT_SECONDS must be a number" })
        .positive("SAGE200_TIMEOUT_SECONDS must be above 0")
        .default(30),
      SAGE200_CONCURRENCY: z.coerce
        .number({ message: "SAGE200_CONCURRENCY must be a number" })
        .int("SAGE200_CONCURRENCY must be a whole number")
        .positive("SAGE200_CONCURRENCY must be above 0")
        .default(2),
    },
    env,
  );
  return {
    url: config.SAGE200_URL.replace(/\/+$/, ""),
    tokenUrl: config.SAGE200_TOKEN_URL,
    clientId: config.SAGE200_CLIENT_ID,
    clientSecret: secretSource(env, "SAGE200_CLIENT_SECRET").read,
    refreshToken: refreshTokenFromEnv(env),
    siteId: config.SAGE200_SITE_ID,
    companyId: config.SAGE200_COMPANY_ID,
    mappingFile: config.SAGE200_MAPPING_FILE,
    timeoutMs: config.SAGE200_TIMEOUT_SECONDS * 1_000,
    concurrency: config.SAGE200_CONCURRENCY,
  };
}

export type Sage200Config = ReturnType<typeof sage200Config>;
