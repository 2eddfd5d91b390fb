import { readConfig } from "@waybill/config";
import { z } from "zod";
import { credentialFromEnv } from "../credentials.ts";

/** The ERPNext connector's settings; read only when `CONNECTORS` names it. */
export function erpnextConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      ERPNEXT_URL: z.url("ERPNEXT_URL must be the site's URL, for example https://erp.example.com"),
      ERPNEXT_MAPPING_FILE: z.string({ message: "ERPNEXT_MAPPING_FILE is required" }).min(1),
      ERPNEXT_TIMEOUT_SECONDS: z.coerce
        .number({ message: "ERPNEXT_TIMEOUT_SECONDS must be a number" })
        .positive("ERPNEXT_TIMEOUT_SECONDS must be above 0")
        .default(30),
      ERPNEXT_CONCURRENCY: z.coerce
        .number({ message: "ERPNEXT_CONCURRENCY must be a number" })
        .int("ERPNEXT_CONCURRENCY must be a whole number")
        .positive("ERPNEXT_CONCURRENCY must be above 0")
        .default(4),
      ERPNEXT_DELIVERY_NOTES: z
        .enum(["true", "false"], { message: "ERPNEXT_DELIVERY_NOTES must be true or false" })
        .default("false"),
    },
    env,
  );
  return {
    url: config.ERPNEXT_URL.replace(/\/+$/, ""),
    mappingFile: config.ERPNEXT_MAPPING_FILE,
    timeoutMs: config.ERPNEXT_TIMEOUT_SECONDS * 1_000,
    concurrency: config.ERPNEXT_CONCURRENCY,
    /** Each confirmed shipment also becomes a submitted Delivery Note. */
    deliveryNotes: config.ERPNEXT_DELIVERY_NOTES === "true",
    apiKey: credentialFromEnv(env, "ERPNEXT_API_KEY", "erpnext"),
    apiSecret: credentialFromEnv(env, "ERPNEXT_API_SECRET", "erpnext"),
  };
}

export type ErpnextConfig = ReturnType<typeof erpnextConfig>;
