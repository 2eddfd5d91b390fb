import { readConfig } from "@waybill/config";
import { z } from "zod";

/** The EDI connector's settings; read only when `CONNECTORS` names it. */
export function ediConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      EDI_MAPPING_FILE: z.string({ message: "EDI_MAPPING_FILE is required" }).min(1),
      EDI_CONCURRENCY: z.coerce
        .number({ message: "EDI_CONCURRENCY must be a number" })
        .int("EDI_CONCURRENCY must be a whole number")
        .positive("EDI_CONCURRENCY must be above 0")
        .default(2),
    },
    env,
  );
  return { mappingFile: config.EDI_MAPPING_FILE, concurrency: config.EDI_CONCURRENCY };
}

export type EdiConfig = ReturnType<typeof ediConfig>;
