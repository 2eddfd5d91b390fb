import { createPrivateKey } from "node:crypto";
import { ConfigError, readConfig } from "@waybill/config";
import { z } from "zod";
import { credentialFromEnv } from "../credentials.ts";

/** A REST API version every org of the last years serves. */
export const SALESFORCE_DEFAULT_API_VERSION = "62.0";

const positive = (variable: string, fallback: number) =>
  z.coerce
    .number({ message: `${variable} must be a number` })
    .positive(`${variable} must be above 0`)
    .default(fallback);

/** How the connector signs in: the connected app's two server-to-server OAuth flows. */
export type SalesforceGrant =
  | { kind: "client_credentials"; clientId: string; clientSecret: () => string }
  | { kind: "jwt_bearer"; clientId: string; username: string; privateKey: () => string };

function grantOf(env: NodeJS.ProcessEnv, auth: string, clientId: string): SalesforceGrant {
  if (auth === "client_credentials")
    return {
      kind: auth,
      clientId,
      clientSecret: credentialFromEnv(env, "SALESFORCE_CLIENT_SECRET", "salesforce"),
    };
  const username = env["SALESFORCE_USERNAME"];
  if (!username)
    throw new ConfigError("SALESFORCE_USERNAME is required when SALESFORCE_AUTH is jwt_bearer");
  const privateKey = credentialFromEnv(env, "SALESFORCE_PRIVATE_KEY", "salesforce");
  try {
    // A key that cannot sign stops start-up, not the first delivery. Salesforce takes RS256.
    if (createPrivateKey(privateKey()).asymmetricKeyType !== "rsa") throw new Error("not RSA");
  } catch (error) {
    throw new ConfigError(
      `SALESFORCE_PRIVATE_KEY must be an RSA private key as PEM: ${(error as Error).message}`,
    );
  }
  return { kind: "jwt_bearer", clientId, username, privateKey };
}

/** The Salesforce connector's settings; read only when `CONNECTORS` names it. */
export function salesforceConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      SALESFORCE_LOGIN_URL: z
        .url(
          "SALESFORCE_LOGIN_URL must be the org's My Domain URL (https://{domain}.my.salesforce.com)",
        )
        .refine((url) => /^https?:\/\/[^/]+\/?$/.test(url), {
          message: "SALESFORCE_LOGIN_URL must be a URL without a path",
        }),
      SALESFORCE_AUTH: z.enum(["client_credentials", "jwt_bearer"], {
        message: "SALESFORCE_AUTH must be client_credentials or jwt_bearer",
      }),
      SALESFORCE_CLIENT_ID: z.string({ message: "SALESFORCE_CLIENT_ID is required" }).min(1),
      SALESFORCE_API_VERSION: z
        .string()
        .regex(/^\d{2}\.0$/, "SALESFORCE_API_VERSION must be a version such as 62.0")
        .default(SALESFORCE_DEFAULT_API_VERSION),
      SALESFORCE_MAPPING_FILE: z.string({ message: "SALESFORCE_MAPPING_FILE is required" }).min(1),
      SALESFORCE_TIMEOUT_SECONDS: positive("SALESFORCE_TIMEOUT_SECONDS", 30),
      SALESFORCE_CONCURRENCY: z.coerce
        .number({ message: "SALESFORCE_CONCURRENCY must be a number" })
        .int("SALESFORCE_CONCURRENCY must be a whole number")
        .positive("SALESFORCE_CONCURRENCY must be above 0")
        .default(2),
      // Every poll is an API call out of the org's daily allowance.
      SALESFORCE_POLL_SECONDS: positive("SALESFORCE_POLL_SECONDS", 60),
      SALESFORCE_API_RESERVE_PERCENT: z.coerce
        .number({ message: "SALESFORCE_API_RESERVE_PERCENT must be a number" })
        .min(0, "SALESFORCE_API_RESERVE_PERCENT must be 0 to 99")
        .max(99, "SALESFORCE_API_RESERVE_PERCENT must be 0 to 99")
        .default(10),
    },
    env,
  );
  return {
    loginUrl: config.SALESFORCE_LOGIN_URL.replace(/\/+$/, ""),
    grant: grantOf(env, config.SALESFORCE_AUTH, config.SALESFORCE_CLIENT_ID),
    apiVersion: config.SALESFORCE_API_VERSION,
    mappingFile: config.SALESFORCE_MAPPING_FILE,
    timeoutMs: config.SALESFORCE_TIMEOUT_SECONDS * 1_000,
    concurrency: config.SALESFORCE_CONCURRENCY,
    pollMs: config.SALESFORCE_POLL_SECONDS * 1_000,
    /** The share of the org's daily API requests left to other integrations: paused below it. */
    reserve: config.SALESFORCE_API_RESERVE_PERCENT / 100,
  };
}

export type SalesforceConfig = ReturnType<typeof salesforceConfig>;
