import { readConfig } from "@waybill/config";
import { z } from "zod";
import { credentialFromEnv } from "../credentials.ts";

const required = (variable: string) =>
  z.string({ message: `${variable} is required when CONNECTORS has sap-b1` }).min(1, {
    message: `${variable} is required when CONNECTORS has sap-b1`,
  });

/** The SAP Business One connector's settings; read only when `CONNECTORS` names it. */
export function sapB1Config(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      SAP_B1_URL: z.url(
        "SAP_B1_URL must be the Service Layer's address, for example https://b1.example.com:50000",
      ),
      SAP_B1_COMPANY_DB: required("SAP_B1_COMPANY_DB"),
      SAP_B1_USER: required("SAP_B1_USER"),
      SAP_B1_MAPPING_FILE: required("SAP_B1_MAPPING_FILE"),
      SAP_B1_TIMEOUT_SECONDS: z.coerce
        .number({ message: "SAP_B1_TIMEOUT_SECONDS must be a number" })
        .positive("SAP_B1_TIMEOUT_SECONDS must be above 0")
        .default(30),
      SAP_B1_CONCURRENCY: z.coerce
        .number({ message: "SAP_B1_CONCURRENCY must be a number" })
        .int("SAP_B1_CONCURRENCY must be a whole number")
        .positive("SAP_B1_CONCURRENCY must be above 0")
        .default(4),
    },
    env,
  );
  return {
    // The Service Layer's root; `/b1s/v1` is the connector's to add.
    url: config.SAP_B1_URL.replace(/\/+$/, "").replace(/\/b1s\/v1$/, ""),
    companyDb: config.SAP_B1_COMPANY_DB,
    user: config.SAP_B1_USER,
    password: credentialFromEnv(env, "SAP_B1_PASSWORD", "sap-b1"),
    mappingFile: config.SAP_B1_MAPPING_FILE,
    timeoutMs: config.SAP_B1_TIMEOUT_SECONDS * 1_000,
    concurrency: config.SAP_B1_CONCURRENCY,
  };
}

export type SapB1Config = ReturnType<typeof sapB1Config>;
