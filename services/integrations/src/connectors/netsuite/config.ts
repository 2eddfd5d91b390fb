import { createPrivateKey, type KeyObject } from "node:crypto";
import { ConfigError, readConfig } from "@waybill/config";
import { z } from "zod";
import { credentialFromEnv } from "../credentials.ts";

/** The JWS algorithms NetSuite takes for the client assertion, by key type. */
export type AssertionAlgorithm = "PS256" | "ES256" | "ES384" | "ES512";

const CURVES: Record<string, AssertionAlgorithm> = {
  prime256v1: "ES256",
  secp384r1: "ES384",
  secp521r1: "ES512",
};

/** The certificate's private key (PKCS#8 or PKCS#1 PEM) and the algorithm it signs with. */
export function signingKey(pem: string): { key: KeyObject; algorithm: AssertionAlgorithm } {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new ConfigError(
      `NETSUITE_PRIVATE_KEY is not a PEM private key: ${(error as Error).message}`,
    );
  }
  if (key.asymmetricKeyType === "rsa") return { key, algorithm: "PS256" };
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const algorithm = key.asymmetricKeyType === "ec" && curve ? CURVES[curve] : undefined;
  if (!algorithm)
    throw new ConfigError(
      "NETSUITE_PRIVATE_KEY must be an RSA key or an EC key on P-256, P-384 or P-521",
    );
  return { key, algorithm };
}

/** `TSTDRV123_SB1` → `https://tstdrv123-sb1.suitetalk.api.netsuite.com`, as NetSuite spells hosts. */
const accountUrlOf = (accountId: string) =>
  `https://${accountId.toLowerCase().replace(/_/g, "-")}.suitetalk.api.netsuite.com`;

/** The NetSuite connector's settings; read only when `CONNECTORS` names it. */
export function netsuiteConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      NETSUITE_ACCOUNT_URL: z
        .url(
          "NETSUITE_ACCOUNT_URL must be the account's REST domain, https://<account>.suitetalk.api.netsuite.com",
        )
        .optional(),
      NETSUITE_ACCOUNT_ID: z
        .string()
        .regex(/^[A-Za-z0-9_]+$/, "NETSUITE_ACCOUNT_ID must be the account id, e.g. 1234567_SB1")
        .optional(),
      NETSUITE_CLIENT_ID: z.string({ message: "NETSUITE_CLIENT_ID is required" }).min(1),
      NETSUITE_CERTIFICATE_ID: z.string({ message: "NETSUITE_CERTIFICATE_ID is required" }).min(1),
      NETSUITE_MAPPING_FILE: z.string({ message: "NETSUITE_MAPPING_FILE is required" }).min(1),
      NETSUITE_TIMEOUT_SECONDS: z.coerce
        .number({ message: "NETSUITE_TIMEOUT_SECONDS must be a number" })
        .positive("NETSUITE_TIMEOUT_SECONDS must be above 0")
        .default(30),
      // NetSuite limits concurrent requests per account, shared by every integration.
      NETSUITE_CONCURRENCY: z.coerce
        .number({ message: "NETSUITE_CONCURRENCY must be a number" })
        .int("NETSUITE_CONCURRENCY must be a whole number")
        .positive("NETSUITE_CONCURRENCY must be above 0")
        .default(2),
    },
    env,
  );
  if (config.NETSUITE_ACCOUNT_URL && config.NETSUITE_ACCOUNT_ID)
    throw new ConfigError("set NETSUITE_ACCOUNT_URL or NETSUITE_ACCOUNT_ID, not both");
  const url = config.NETSUITE_ACCOUNT_URL
    ? config.NETSUITE_ACCOUNT_URL.replace(/\/+$/, "")
    : config.NETSUITE_ACCOUNT_ID
      ? accountUrlOf(config.NETSUITE_ACCOUNT_ID)
      : undefined;
  if (!url)
    throw new ConfigError(
      "NETSUITE_ACCOUNT_URL (or NETSUITE_ACCOUNT_ID) is required when CONNECTORS has netsuite",
    );
  const privateKey = credentialFromEnv(env, "NETSUITE_PRIVATE_KEY", "netsuite");
  // A key that cannot sign stops start-up, not the first delivery.
  signingKey(privateKey());
  return {
    url,
    clientId: config.NETSUITE_CLIENT_ID,
    certificateId: config.NETSUITE_CERTIFICATE_ID,
    privateKey,
    mappingFile: config.NETSUITE_MAPPING_FILE,
    timeoutMs: config.NETSUITE_TIMEOUT_SECONDS * 1_000,
    concurrency: config.NETSUITE_CONCURRENCY,
  };
}

export type NetsuiteConfig = ReturnType<typeof netsuiteConfig>;
