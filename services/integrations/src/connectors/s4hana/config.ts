import { readFileSync } from "node:fs";
import { ConfigError, readConfig } from "@waybill/config";
import { z } from "zod";

/**
 * A secret from `NAME` or from the file `NAME_FILE` (one of the two), or undefined when neither
 * is set. A file is read again on every call, so a rotated secret is picked up without a restart.
 */
function secretOf(env: NodeJS.ProcessEnv, name: string): (() => string) | undefined {
  const inline = env[name];
  const file = env[`${name}_FILE`];
  if (inline && file) throw new ConfigError(`set ${name} or ${name}_FILE, not both`);
  if (!inline && !file) return undefined;
  const read = (): string => {
    if (!file) return inline ?? "";
    try {
      return readFileSync(file, "utf8").trim();
    } catch (error) {
      throw new ConfigError(`${name}_FILE: cannot read ${file}: ${(error as Error).message}`);
    }
  };
  if (!read()) throw new ConfigError(`${name} (or ${name}_FILE) is empty`);
  return read;
}

/**
 * How the connector signs in as its communication user: basic authentication with the user's
 * password, or an OAuth 2.0 client-credentials token from the system's token endpoint.
 */
export type S4hanaAuth =
  | { kind: "basic"; user: string; password: () => string }
  | { kind: "oauth"; tokenUrl: string; clientId: string; clientSecret: () => string };

function authOf(env: NodeJS.ProcessEnv): S4hanaAuth {
  const user = env["S4HANA_USER"];
  const password = secretOf(env, "S4HANA_PASSWORD");
  const tokenUrl = env["S4HANA_OAUTH_TOKEN_URL"];
  const clientId = env["S4HANA_CLIENT_ID"];
  const clientSecret = secretOf(env, "S4HANA_CLIENT_SECRET");
  const basic = Boolean(user || password);
  const oauth = Boolean(tokenUrl || clientId || clientSecret);
  if (basic && oauth)
    throw new ConfigError(
      "S4HANA_USER/S4HANA_PASSWORD and S4HANA_OAUTH_TOKEN_URL/S4HANA_CLIENT_ID/S4HANA_CLIENT_SECRET exclude each other: set one",
    );
  if (oauth) {
    if (!tokenUrl || !z.url().safeParse(tokenUrl).success)
      throw new ConfigError("S4HANA_OAUTH_TOKEN_URL must be the token endpoint's URL");
    if (!clientId)
      throw new ConfigError("S4HANA_CLIENT_ID is required with S4HANA_OAUTH_TOKEN_URL");
    if (!clientSecret)
      throw new ConfigError(
        "S4HANA_CLIENT_SECRET (or S4HANA_CLIENT_SECRET_FILE) is required with S4HANA_OAUTH_TOKEN_URL",
      );
    return { kind: "oauth", tokenUrl, clientId, clientSecret };
  }
  if (!user || !password)
    throw new ConfigError(
      "S4HANA_USER and S4HANA_PASSWORD (or S4HANA_PASSWORD_FILE) are required when CONNECTORS has s4hana, unless OAuth is configured (S4HANA_OAUTH_TOKEN_URL, S4HANA_CLIENT_ID, S4HANA_CLIENT_SECRET)",
    );
  return { kind: "basic", user, password };
}

/** The S/4HANA Cloud connector's settings; read only when `CONNECTORS` names it. */
export function s4hanaConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      S4HANA_URL: z.url(
        "S4HANA_URL must be the system's API URL, for example https://my123456-api.s4hana.cloud.sap",
      ),
      S4HANA_MAPPING_FILE: z.string({ message: "S4HANA_MAPPING_FILE is required" }).min(1),
      S4HANA_TIMEOUT_SECONDS: z.coerce
        .number({ message: "S4HANA_TIMEOUT_SECONDS must be a number" })
        .positive("S4HANA_TIMEOUT_SECONDS must be above 0")
        .default(30),
      S4HANA_CONCURRENCY: z.coerce
        .number({ message: "S4HANA_CONCURRENCY must be a number" })
        .int("S4HANA_CONCURRENCY must be a whole number")
        .positive("S4HANA_CONCURRENCY must be above 0")
        .default(2),
    },
    env,
  );
  return {
    url: config.S4HANA_URL.replace(/\/+$/, ""),
    mappingFile: config.S4HANA_MAPPING_FILE,
    timeoutMs: config.S4HANA_TIMEOUT_SECONDS * 1_000,
    concurrency: config.S4HANA_CONCURRENCY,
    auth: authOf(env),
  };
}

export type S4hanaConfig = ReturnType<typeof s4hanaConfig>;
